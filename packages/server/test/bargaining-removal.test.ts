// Removing an offer or a document added by mistake (docs/bargaining.md, "Removing an offer or a
// document"). An offer goes with its documents and its final mark, in one transaction; it is refused
// while a draft or a vote binds it (offer_in_use) or another offer is compared with it
// (offer_referenced), changing nothing. A document of an offer leaves the offer's list (its digest
// is then the one it had without that document); refused while the offer is bound, changing nothing,
// and members can still download it. Unknown ids are not found; each removal is audited; the
// contract page says which offers are bound or compared with.
import { sha256Hex, unwrap } from '@ratify/crypto';
import { createStaffAccount } from '@ratify/engine';
import { parseWireOffer } from '@ratify/protocol/bargaining';
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
const removeOffer = (id: string) => admin().call('deleteOffer', { params: { id } });
const removeDocument = (id: string) => admin().call('deleteDocument', { params: { id } });
/** An offer added by mistake, marked as the contract's final offer. */
const MISTAKE = { ...OFFER, id: 'amptp-mistake', title: 'AMPTP final offer (typed twice)', finalOffer: true };

/** Everything storage holds about the tracker's offers and documents (bytes as base64). */
async function snapshot() {
  const offers = await server.store.kysely.selectFrom('bargaining_offers').selectAll().orderBy('id').execute();
  const documents = await server.store.kysely.selectFrom('bargaining_documents').selectAll().orderBy('id').execute();
  return { offers, documents };
}

const storedOffer = async (id: string) => unwrap(parseWireOffer((await server.store.bargaining.getOffer(id))!.offer));
const auditOf = async (action: string) => {
  const log = await admin().staff.auditLog();
  return log.ok ? log.value.entries.filter((e) => e.action === action).map((e) => JSON.parse(e.details) as unknown) : [];
};

/** A draft of local-9 whose definition binds the offer by its current digest. */
async function draftBinding(offerId: string, title: string) {
  await admin().call('createUnion', { json: { id: 'local-9', name: 'Local 9' } });
  await admin().call('importRoll', { params: { id: 'local-9' }, json: { csv: rollCsv([['A1', 'Ada', 'ada@example.org', true, 'north']]) } });
  const offer = { id: offerId, title, digest: await digestOf(offerId) };
  const form = definitionForm({ linkedOfferId: offerId, information: { ...definitionForm().information, offer } });
  expect(await admin().call('createDraft', { json: form })).toMatchObject({ status: 201 });
}

describe('removing an offer', () => {
  it('removes an unbound offer with its documents and its final mark, leaving the rest; audited', async () => {
    await fx.seedTracker(admin);
    expect(await admin().call('createOffer', { params: { id: CONTRACT.id }, json: MISTAKE })).toMatchObject({ status: 201 });
    expect(await attach('mistake-summary', 'Summary.md', MD, 'amptp-mistake')).toMatchObject({ status: 201 });
    expect(await attach('mistake-text', 'Text.pdf', PDF, 'amptp-mistake')).toMatchObject({ status: 201 });
    expect(await attach('final-summary', 'Summary.md', MD, 'amptp-final')).toMatchObject({ status: 201 });
    expect(await attach('contract-text', 'Contract.pdf', PDF)).toMatchObject({ status: 201 });
    expect(await admin().call('listContracts')).toMatchObject({ value: { contracts: [{ finalOfferId: 'amptp-mistake', offers: 3 }] } });
    const final = await digestOf('amptp-final');

    expect(await removeOffer('amptp-mistake')).toEqual({ ok: true, status: 200, value: { deleted: true } });
    expect(await server.store.bargaining.getOffer('amptp-mistake')).toBeNull();
    expect(await server.store.bargaining.getDocument('mistake-summary')).toBeNull();
    expect(await server.store.bargaining.getDocument('mistake-text')).toBeNull();
    const detail = await admin().call('getContract', { params: { id: CONTRACT.id } });
    expect(detail.ok && detail.value.offers.map((o) => o.offer.id)).toEqual(['aftra-2008', 'amptp-final']);
    expect(detail.ok && detail.value.documents.map((d) => d.id)).toEqual(['contract-text', 'final-summary']);
    // The mark went with it; the other offers and their digests are untouched.
    expect(await admin().call('listContracts')).toMatchObject({ value: { contracts: [{ finalOfferId: null, offers: 2 }] } });
    expect(await digestOf('amptp-final')).toBe(final);
    expect(await admin().call('markFinalOffer', { params: { id: 'amptp-final' }, json: { finalOffer: true } })).toMatchObject({ status: 200 });

    expect(await auditOf('deleteOffer')).toEqual([{ params: { id: 'amptp-mistake' } }]);
    expect(await removeOffer('amptp-mistake')).toMatchObject({ status: 404, error: { code: 'offer_not_found' } });
    expect(await removeOffer('nope')).toMatchObject({ status: 404, error: { code: 'offer_not_found' } });
    expect(await removeOffer('Not_A_Slug')).toMatchObject({ status: 400, error: { code: 'invalid_request' } });
    expect(await auditOf('deleteOffer')).toHaveLength(1);
  });

  it('refuses an offer a vote binds, changing nothing; the vote still shows it and its documents', async () => {
    await fx.seedTracker(admin);
    expect(await attach('summary', 'Summary.md', MD, 'amptp-final')).toMatchObject({ status: 201 });
    await fx.voteBinding(server, { id: 'amptp-final', title: 'AMPTP final offer', digest: await digestOf('amptp-final') });
    const before = await snapshot();
    expect(await removeOffer('amptp-final')).toMatchObject({ status: 409, error: { code: 'offer_in_use' } });
    expect(await snapshot()).toEqual(before);
    expect(await auditOf('deleteOffer')).toEqual([]);
    expect(await server.client().call('voteOffer', { params: { id: 'sag-ratify' } })).toMatchObject({ status: 200, value: { digestMatches: true, documents: [{ id: 'summary' }] } });
    expect(await (await fetch(`${server.baseUrl}/api/votes/sag-ratify/offer/documents/summary`)).text()).toBe(MD);
  });

  it('refuses an offer a draft binds, changing nothing', async () => {
    await fx.seedTracker(admin);
    await draftBinding('amptp-final', 'AMPTP final offer');
    const before = await snapshot();
    expect(await removeOffer('amptp-final')).toMatchObject({ status: 409, error: { code: 'offer_in_use' } });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an offer another offer (of any contract) is compared with, changing nothing, until that offer drops it', async () => {
    await fx.seedTracker(admin);
    // Another contract's offer compared with the same agreement (as the demo's guild offer is with the federation's deal).
    expect(await admin().call('createContract', { json: { ...CONTRACT, id: 'other-2008', title: 'Other contract' } })).toMatchObject({ status: 201 });
    expect(await admin().call('createOffer', { params: { id: 'other-2008' }, json: { ...OFFER, id: 'other-offer', comparedWith: ['aftra-2008'] } })).toMatchObject({ status: 201 });
    const detail = await admin().call('getContract', { params: { id: CONTRACT.id } });
    expect(detail.ok && detail.value.offers.map((o) => [o.offer.id, o.bound, o.comparedBy])).toEqual([['aftra-2008', false, ['amptp-final', 'other-offer']], ['amptp-final', false, []]]);

    const before = await snapshot();
    const refused = await removeOffer('aftra-2008');
    expect(refused).toMatchObject({ status: 409, error: { code: 'offer_referenced' } });
    expect(!refused.ok && refused.error.message).toContain('amptp-final, other-offer');
    expect(await snapshot()).toEqual(before);

    const { id: _id, ...body } = OFFER;
    expect(await admin().call('updateOffer', { params: { id: 'amptp-final' }, json: body })).toMatchObject({ status: 200 });
    expect(await removeOffer('aftra-2008')).toMatchObject({ status: 409, error: { code: 'offer_referenced' } });
    expect(await removeOffer('other-offer')).toMatchObject({ status: 200 });
    expect(await removeOffer('aftra-2008')).toMatchObject({ status: 200 });
    expect(await server.store.bargaining.getOffer('aftra-2008')).toBeNull();
  });

  it('refuses an agreement a bound offer is compared with: the vote page keeps its comparison', async () => {
    await fx.seedTracker(admin);
    await fx.voteBinding(server, { id: 'amptp-final', title: 'AMPTP final offer', digest: await digestOf('amptp-final') });
    const detail = await admin().call('getContract', { params: { id: CONTRACT.id } });
    expect(detail.ok && detail.value.offers.map((o) => [o.offer.id, o.bound, o.comparedBy])).toEqual([['aftra-2008', false, ['amptp-final']], ['amptp-final', true, []]]);
    const before = await snapshot();
    expect(await removeOffer('aftra-2008')).toMatchObject({ status: 409, error: { code: 'offer_referenced' } });
    expect(await snapshot()).toEqual(before);
    expect(await server.client().call('voteOffer', { params: { id: 'sag-ratify' } })).toMatchObject({ status: 200, value: { comparedWith: [{ id: 'aftra-2008' }] } });
  });
});

describe('removing a document', () => {
  it("removes a contract's document, and an unbound offer's document from the offer's list (its digest as without it); audited", async () => {
    await fx.seedTracker(admin);
    const bare = await digestOf('amptp-final');
    expect(await attach('contract-text', 'Contract.pdf', PDF)).toMatchObject({ status: 201 });
    expect(await attach('a-summary', 'Summary.md', MD, 'amptp-final')).toMatchObject({ status: 201 });
    const withSummary = await digestOf('amptp-final');
    expect(await attach('b-text', 'Text.pdf', PDF, 'amptp-final')).toMatchObject({ status: 201 });

    expect(await removeDocument('contract-text')).toEqual({ ok: true, status: 200, value: { deleted: true } });
    expect(await server.store.bargaining.getDocument('contract-text')).toBeNull();
    expect((await storedOffer('amptp-final')).documents?.map((d) => d.id)).toEqual(['a-summary', 'b-text']);

    // Removing is the twin of attaching: the offer lists what remains, and its digest is the one it had then.
    expect(await removeDocument('b-text')).toMatchObject({ status: 200 });
    expect((await storedOffer('amptp-final')).documents).toEqual([
      { id: 'a-summary', name: 'Summary.md', contentType: 'text/markdown', size: MD.length, sha256: sha256Hex(Buffer.from(MD)) },
    ]);
    expect(await digestOf('amptp-final')).toBe(withSummary);
    expect(await removeDocument('a-summary')).toMatchObject({ status: 200 });
    expect((await storedOffer('amptp-final')).documents).toBeUndefined();
    expect(await digestOf('amptp-final')).toBe(bare);

    expect(await auditOf('deleteDocument')).toEqual([{ params: { id: 'contract-text' } }, { params: { id: 'b-text' } }, { params: { id: 'a-summary' } }]);
    expect(await removeDocument('a-summary')).toMatchObject({ status: 404, error: { code: 'document_not_found' } });
    expect(await removeDocument('nope')).toMatchObject({ status: 404, error: { code: 'document_not_found' } });
    expect(await auditOf('deleteDocument')).toHaveLength(3);
  });

  it("refuses a document of an offer a vote binds, changing nothing: members still download it; the contract's own documents still go", async () => {
    await fx.seedTracker(admin);
    expect(await attach('summary', 'Summary.md', MD, 'amptp-final')).toMatchObject({ status: 201 });
    expect(await attach('contract-text', 'Contract.pdf', PDF)).toMatchObject({ status: 201 });
    const digest = await digestOf('amptp-final');
    await fx.voteBinding(server, { id: 'amptp-final', title: 'AMPTP final offer', digest });
    const before = await snapshot();
    expect(await removeDocument('summary')).toMatchObject({ status: 409, error: { code: 'offer_in_use' } });
    expect(await snapshot()).toEqual(before);
    expect(await digestOf('amptp-final')).toBe(digest);
    expect(await auditOf('deleteDocument')).toEqual([]);
    const res = await fetch(`${server.baseUrl}/api/votes/sag-ratify/offer/documents/summary`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(MD);
    expect(await removeDocument('contract-text')).toMatchObject({ status: 200 });
    expect(await server.client().call('voteOffer', { params: { id: 'sag-ratify' } })).toMatchObject({ status: 200, value: { digestMatches: true, documents: [{ id: 'summary' }] } });
  });

  it('refuses a document of an offer a draft binds, changing nothing', async () => {
    await fx.seedTracker(admin);
    expect(await attach('summary', 'Summary.md', MD, 'amptp-final')).toMatchObject({ status: 201 });
    await draftBinding('amptp-final', 'AMPTP final offer');
    const before = await snapshot();
    expect(await removeDocument('summary')).toMatchObject({ status: 409, error: { code: 'offer_in_use' } });
    expect(await snapshot()).toEqual(before);
  });
});

describe('roles', () => {
  it('lets only administrators remove: observers are refused, the public is not signed in; nothing changes', async () => {
    await fx.seedTracker(admin);
    expect(await attach('contract-text', 'Contract.pdf', PDF)).toMatchObject({ status: 201 });
    unwrap(await createStaffAccount(server.engine.store, { username: 'olga', password: 'a long enough staff password', role: 'observer', secretKey: null }));
    const observer = server.client();
    expect((await observer.staff.login('olga', 'a long enough staff password')).ok).toBe(true);
    const before = await snapshot();
    expect(await observer.call('deleteOffer', { params: { id: 'aftra-2008' } })).toMatchObject({ status: 403, error: { code: 'forbidden_role' } });
    expect(await observer.call('deleteDocument', { params: { id: 'contract-text' } })).toMatchObject({ status: 403, error: { code: 'forbidden_role' } });
    expect(await server.client().call('deleteOffer', { params: { id: 'amptp-final' } })).toMatchObject({ status: 401 });
    expect(await server.client().call('deleteDocument', { params: { id: 'contract-text' } })).toMatchObject({ status: 401 });
    expect(await snapshot()).toEqual(before);
  });
});
