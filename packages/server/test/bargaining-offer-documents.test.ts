// An offer's documents are part of the offer (docs/protocol.md §M3.1): attaching one lists it in the
// offer object and so changes the offer's digest, in one transaction; refused once a draft or a
// vote binds the offer (offer_in_use), changing nothing; a contract's documents leave offers alone;
// edits and the final mark keep the list. The public route serves only the documents the bound
// offer lists, and never bytes that no longer match the SHA-256 it lists.
import { sha256Hex, unwrap } from '@ratify/crypto';
import { offerDigest, parseWireOffer } from '@ratify/protocol/bargaining';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as fx from './bargaining-fixtures.ts';
import { CONTRACT, MD, OFFER, PDF } from './bargaining-fixtures.ts';
import { definitionForm, rollCsv } from './console-fixtures.ts';
import { ADMIN_TOKEN, type TestServer, startServer } from './fixtures.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(() => server.close());
const admin = () => server.client({ adminToken: ADMIN_TOKEN });
const attach = (id: string, name: string, bytes: Uint8Array | string, offerId?: string) => fx.attachDocument(admin, id, name, bytes, offerId);
const digestOf = (offerId: string) => fx.digestOf(admin, offerId);

/** Everything storage holds about the contract's offers and documents (bytes as base64). */
async function snapshot() {
  const offers = await server.store.kysely.selectFrom('bargaining_offers').selectAll().orderBy('id').execute();
  const documents = await server.store.kysely.selectFrom('bargaining_documents').selectAll().orderBy('id').execute();
  return { offers, documents };
}

const storedOffer = async (id: string) => unwrap(parseWireOffer((await server.store.bargaining.getOffer(id))!.offer));

describe('attaching a document to an offer', () => {
  it('lists it in the offer, sorted by id, and changes the offer digest; a contract document leaves every offer alone', async () => {
    await fx.seedTracker(admin);
    const before = { final: await digestOf('amptp-final'), aftra: await digestOf('aftra-2008') };
    expect(await attach('contract-text', 'contract.pdf', PDF)).toMatchObject({ status: 201, value: { offerId: null } });
    expect({ final: await digestOf('amptp-final'), aftra: await digestOf('aftra-2008') }).toEqual(before);
    expect((await storedOffer('amptp-final')).documents).toBeUndefined();

    expect(await attach('z-summary', 'Summary.md', MD, 'amptp-final')).toMatchObject({ status: 201, value: { offerId: 'amptp-final' } });
    const one = await digestOf('amptp-final');
    expect(one).not.toBe(before.final);
    expect(await attach('a-full-text', 'Full text.pdf', PDF, 'amptp-final')).toMatchObject({ status: 201 });
    const two = await digestOf('amptp-final');
    expect(two).not.toBe(one);
    expect(await digestOf('aftra-2008')).toBe(before.aftra);

    const offer = await storedOffer('amptp-final');
    expect(offer.documents).toEqual([
      { id: 'a-full-text', name: 'Full text.pdf', contentType: 'application/pdf', size: PDF.length, sha256: sha256Hex(Buffer.from(PDF)) },
      { id: 'z-summary', name: 'Summary.md', contentType: 'text/markdown', size: MD.length, sha256: sha256Hex(Buffer.from(MD)) },
    ]);
    // The digest the API reports is the stored offer's, documents included.
    expect(offerDigest(offer)).toBe(two);
    const listed = await admin().call('listOffers');
    expect(listed.ok && listed.value.offers.find((o) => o.offer.id === 'amptp-final')?.offer.documents?.map((d) => d.id)).toEqual(['a-full-text', 'z-summary']);

    // Editing the offer or moving the final mark keeps its documents.
    const { id: _id, ...body } = OFFER;
    expect(await admin().call('updateOffer', { params: { id: 'amptp-final' }, json: { ...body, title: 'AMPTP final offer, revised', comparedWith: ['aftra-2008'] } }))
      .toMatchObject({ status: 200, value: { offer: { title: 'AMPTP final offer, revised', documents: [{ id: 'a-full-text' }, { id: 'z-summary' }] } } });
    expect(await admin().call('markFinalOffer', { params: { id: 'amptp-final' }, json: { finalOffer: true } }))
      .toMatchObject({ status: 200, value: { offer: { finalOffer: true, documents: [{ id: 'a-full-text' }, { id: 'z-summary' }] } } });
    expect((await storedOffer('amptp-final')).documents?.map((d) => d.id)).toEqual(['a-full-text', 'z-summary']);
  });

  it('stores the name as the offer lists it (NFC, other characters replaced) and refuses one that cannot be a name', async () => {
    await fx.seedTracker(admin);
    expect(await attach('summary', 'Re\u0301sume\u0301 <final>.md', MD, 'amptp-final')).toMatchObject({ status: 201, value: { name: 'Résumé _final_.md' } });
    expect((await storedOffer('amptp-final')).documents?.[0]?.name).toBe('Résumé _final_.md');
    // 200 characters that NFC turns into 400 (U+0958 is excluded from composition).
    const before = await snapshot();
    expect(await attach('long', '\u0958'.repeat(200), MD, 'amptp-final')).toMatchObject({ status: 400, error: { code: 'invalid_document_name' } });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a document once a vote binds the offer, changing nothing; other offers still take documents', async () => {
    await fx.seedTracker(admin);
    expect(await attach('summary', 'Summary.md', MD, 'amptp-final')).toMatchObject({ status: 201 });
    const digest = await digestOf('amptp-final');
    await fx.voteBinding(server, { id: 'amptp-final', title: 'AMPTP final offer', digest });
    const before = await snapshot();
    expect(await attach('late', 'Late.pdf', PDF, 'amptp-final')).toMatchObject({ status: 409, error: { code: 'offer_in_use' } });
    expect(await snapshot()).toEqual(before);
    expect(await server.store.bargaining.getDocument('late')).toBeNull();
    expect(await digestOf('amptp-final')).toBe(digest);
    const offer = await server.client().call('voteOffer', { params: { id: 'sag-ratify' } });
    expect(offer).toMatchObject({ status: 200, value: { digestMatches: true, documents: [{ id: 'summary' }] } });
    expect(await attach('aftra-text', 'AFTRA.pdf', PDF, 'aftra-2008')).toMatchObject({ status: 201 });
    expect(await attach('contract-text', 'Contract.pdf', PDF)).toMatchObject({ status: 201 });
  });

  it('refuses a document once a draft binds the offer, changing nothing', async () => {
    await admin().call('createUnion', { json: { id: 'local-9', name: 'Local 9' } });
    await admin().call('importRoll', { params: { id: 'local-9' }, json: { csv: rollCsv([['A1', 'Ada', 'ada@example.org', true, 'north']]) } });
    await fx.seedTracker(admin);
    const digest = await digestOf('amptp-final');
    const form = definitionForm({ linkedOfferId: 'amptp-final', information: { ...definitionForm().information, offer: { id: 'amptp-final', title: 'AMPTP final offer', digest } } });
    expect(await admin().call('createDraft', { json: form })).toMatchObject({ status: 201 });
    const before = await snapshot();
    expect(await attach('late', 'Late.md', MD, 'amptp-final')).toMatchObject({ status: 409, error: { code: 'offer_in_use' } });
    expect(await snapshot()).toEqual(before);
  });

  it(`refuses the document past the most an offer lists, changing nothing`, async () => {
    await fx.seedTracker(admin);
    // 64 documents stored for the offer directly (as a database from before offers listed them could hold).
    for (let i = 0; i < 64; i++) {
      unwrap(await server.store.bargaining.addDocument({ id: `d${String(i).padStart(2, '0')}`, contractId: CONTRACT.id, offerId: 'amptp-final', name: 'd.md', contentType: 'text/markdown', size: 1, sha256: sha256Hex(Buffer.from('x')), bytes: Buffer.from('x') }));
    }
    const before = await snapshot();
    expect(await attach('one-more', 'One more.md', MD, 'amptp-final')).toMatchObject({ status: 409, error: { code: 'too_many_documents' } });
    expect(await snapshot()).toEqual(before);
  });
});

describe('the public route serves only what the bound offer lists', () => {
  async function boundWithSummary() {
    await fx.seedTracker(admin);
    expect(await attach('summary', 'Summary.md', MD, 'amptp-final')).toMatchObject({ status: 201 });
    await fx.voteBinding(server, { id: 'amptp-final', title: 'AMPTP final offer', digest: await digestOf('amptp-final') });
  }
  const url = (documentId: string) => `${server.baseUrl}/api/votes/sag-ratify/offer/documents/${documentId}`;

  it('refuses a document whose stored bytes no longer match the SHA-256 the offer lists: an error, never the bytes', async () => {
    await boundWithSummary();
    expect(await (await fetch(url('summary'))).text()).toBe(MD);
    const tampered = MD.replace('3%', '9%');
    await server.store.kysely.updateTable('bargaining_documents').set({ bytes_base64: Buffer.from(tampered).toString('base64') }).where('id', '=', 'summary').execute();
    const res = await fetch(url('summary'));
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBeNull();
    const text = await res.text();
    expect(text).not.toContain('9%');
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'document_digest_mismatch' } });
    expect(await server.client().call('voteOfferDocument', { params: { id: 'sag-ratify', documentId: 'summary' } })).toMatchObject({ status: 500, error: { code: 'document_digest_mismatch' } });
    // The same bytes under a different size are refused too (the offer lists both).
    await server.store.kysely.updateTable('bargaining_documents').set({ bytes_base64: Buffer.from(`${MD}\n`).toString('base64') }).where('id', '=', 'summary').execute();
    expect((await fetch(url('summary'))).status).toBe(500);
  });

  it('does not list or serve a document attached to the offer in storage but not listed by it', async () => {
    await boundWithSummary();
    // As an older database could hold: a document of the offer the offer object does not list.
    unwrap(await server.store.bargaining.addDocument({ id: 'unlisted', contractId: CONTRACT.id, offerId: 'amptp-final', name: 'unlisted.md', contentType: 'text/markdown', size: MD.length, sha256: sha256Hex(Buffer.from(MD)), bytes: Buffer.from(MD) }));
    const offer = await server.client().call('voteOffer', { params: { id: 'sag-ratify' } });
    expect(offer.ok && offer.value.documents.map((d) => d.id)).toEqual(['summary']);
    expect(await server.client().call('voteOfferDocument', { params: { id: 'sag-ratify', documentId: 'unlisted' } })).toMatchObject({ status: 404, error: { code: 'document_not_found' } });
  });

  it('serves nothing while the stored offer is not the one the manifest signed', async () => {
    await boundWithSummary();
    const stored = (await server.store.bargaining.getOffer('amptp-final'))!;
    unwrap(await server.store.bargaining.updateOffer({ ...stored, offer: stored.offer.replace('"AMPTP final offer"', '"AMPTP final offer (changed)"') }));
    expect(await server.client().call('voteOffer', { params: { id: 'sag-ratify' } })).toMatchObject({ status: 200, value: { digestMatches: false } });
    const res = await fetch(url('summary'));
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: { code: 'stored_offer_mismatch' } });
  });
});
