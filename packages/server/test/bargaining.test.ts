// Bargaining tracker API: contracts, status transitions (allowed ones only, compare and set),
// sessions and the computed days of formal negotiations, offers with structured terms (every bad
// input refused with its code, nothing changed), the final-offer mark, comparisons, documents
// (sniffed type, safe headers), the offer lock once a draft binds it, roles (observers read,
// administrators write, members and the public are refused), the audit log, and the public read of
// the offer a vote ratifies, checked against the manifest's digest, and of that offer's documents.
import { seededRandom, sha256Hex, unwrap } from '@ratify/crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStaffAccount } from '@ratify/engine';
import * as fx from './bargaining-fixtures.ts';
import { CONTRACT, OFFER, pct } from './bargaining-fixtures.ts';
import { definitionForm, rollCsv } from './console-fixtures.ts';
import { ADMIN_TOKEN, type TestServer, seedVote, startServer } from './fixtures.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(() => server.close());
const admin = () => server.client({ adminToken: ADMIN_TOKEN });
const seedTracker = () => fx.seedTracker(admin);

describe('contracts and the timeline', () => {
  it('creates a contract, refuses bad ones naming the problem, and changes status only along allowed transitions', async () => {
    expect(await admin().call('createContract', { json: CONTRACT })).toMatchObject({ status: 201, value: { id: CONTRACT.id, status: 'in_force' } });
    expect(await admin().call('createContract', { json: CONTRACT })).toMatchObject({ status: 409, error: { code: 'duplicate_contract' } });
    const bad = async (json: object, code: string) => expect(await admin().call('createContract', { json: { ...CONTRACT, id: 'x', ...json } }), code).toMatchObject({ status: 400, error: { code } });
    await bad({ expiryDate: '2005-07-01' }, 'dates_out_of_order');
    await bad({ parties: ['SAG', 'SAG'] }, 'duplicate_party');
    await bad({ parties: ['SAG'] }, 'invalid_contract');
    await bad({ title: ' padded ' }, 'invalid_contract');
    await bad({ expiryDate: '2008-02-30' }, 'invalid_contract');
    await bad({ status: 'paused' }, 'invalid_request');
    expect((await admin().call('listContracts')).ok && (await admin().call('listContracts'))).toMatchObject({ value: { contracts: [{ id: CONTRACT.id, formalNegotiationDays: 0, offers: 0, finalOfferId: null }] } });

    const status = (from: string, to: string, onDate = '2008-07-01') => admin().call('changeContractStatus', { params: { id: CONTRACT.id }, json: { from, to, onDate } });
    expect(await status('in_force', 'ratified')).toMatchObject({ status: 409, error: { code: 'invalid_status_transition' } });
    expect(await status('in_force', 'expired', '2008-06-30')).toMatchObject({ status: 200, value: { contract: { status: 'expired' }, event: { seq: 1, from: 'in_force', to: 'expired', onDate: '2008-06-30' } } });
    expect(await status('in_force', 'expired')).toMatchObject({ status: 409, error: { code: 'status_conflict' } });
    expect(await status('expired', 'working_without_contract')).toMatchObject({ status: 200 });
    expect(await admin().call('changeContractStatus', { params: { id: 'nope' }, json: { from: 'expired', to: 'strike', onDate: '2008-07-01' } })).toMatchObject({ status: 404, error: { code: 'contract_not_found' } });

    expect(await admin().call('updateContract', { params: { id: CONTRACT.id }, json: { title: 'Renamed', parties: ['SAG', 'AMPTP'], coveredUnit: 'Actors', effectiveDate: '2005-07-01', expiryDate: '2008-06-30' } }))
      .toMatchObject({ status: 200, value: { title: 'Renamed', status: 'working_without_contract' } });
    expect(await admin().call('updateContract', { params: { id: CONTRACT.id }, json: { title: 'Renamed', parties: ['SAG', 'AMPTP'], coveredUnit: 'Actors', effectiveDate: '2009-07-01', expiryDate: '2008-06-30' } }))
      .toMatchObject({ status: 400, error: { code: 'dates_out_of_order' } });
  });

  it('counts days of formal negotiations from the sessions, not from what anyone types', async () => {
    await admin().call('createContract', { json: CONTRACT });
    const put = (json: object) => admin().call('putBargainingSession', { params: { id: CONTRACT.id }, json });
    expect(await put({ id: 's1', date: '2008-04-15', kind: 'formal', notes: 'Opening session' })).toMatchObject({ status: 200 });
    expect(await put({ id: 's2', date: '2008-04-16', endDate: '2008-04-18', kind: 'formal' })).toMatchObject({ status: 200 });
    expect(await put({ id: 's3', date: '2008-04-18', kind: 'formal' })).toMatchObject({ status: 200 });
    expect(await put({ id: 's4', date: '2008-04-20', kind: 'informal' })).toMatchObject({ status: 200 });
    expect(await put({ id: 's5', date: '2008-04-20', endDate: '2008-04-19', kind: 'formal' })).toMatchObject({ status: 400, error: { code: 'session_dates_out_of_order' } });
    expect(await put({ id: 's5', date: '2008-01-01', endDate: '2008-12-31', kind: 'formal' })).toMatchObject({ status: 400, error: { code: 'session_too_long' } });
    expect(await put({ id: 's5', date: '2008-04-31', kind: 'formal' })).toMatchObject({ status: 400, error: { code: 'invalid_session' } });
    expect(await admin().call('putBargainingSession', { params: { id: 'nope' }, json: { id: 's9', date: '2008-04-15', kind: 'formal' } })).toMatchObject({ status: 404, error: { code: 'contract_not_found' } });
    const detail = await admin().call('getContract', { params: { id: CONTRACT.id } });
    expect(detail).toMatchObject({ status: 200, value: { formalNegotiationDays: 4 } });
    expect(detail.ok && detail.value.sessions.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4']);
    expect(await admin().call('deleteBargainingSession', { params: { id: CONTRACT.id, sessionId: 's1' } })).toMatchObject({ status: 200 });
    expect(await admin().call('deleteBargainingSession', { params: { id: CONTRACT.id, sessionId: 's1' } })).toMatchObject({ status: 404, error: { code: 'session_not_found' } });
    expect(await admin().call('getContract', { params: { id: CONTRACT.id } })).toMatchObject({ value: { formalNegotiationDays: 3 } });
  });
});

describe('offers, the final-offer mark and comparisons', () => {
  it('stores offers with their digest and refuses bad terms, changing nothing', async () => {
    const created = await seedTracker();
    expect(created).toMatchObject({ status: 201, value: { offer: { id: 'amptp-final', version: 'ratify/offer/v1', contractId: CONTRACT.id } } });
    expect(created.ok && created.value.digest).toMatch(/^[0-9a-f]{64}$/);
    const bad = async (json: object, code: string) => {
      const r = await admin().call('createOffer', { params: { id: CONTRACT.id }, json: { ...OFFER, id: 'bad', ...json } });
      expect(r, code).toMatchObject({ error: { code } });
    };
    await bad({ terms: [pct('a', 1), pct('a', 2)] }, 'duplicate_term_key');
    await bad({ terms: [{ ...pct('a', 1), value: { kind: 'percent', basisPoints: 1.5 } }] }, 'invalid_request');
    await bad({ terms: [{ ...pct('a', 1), value: { kind: 'money', currency: 'dollars', minorUnits: 5 } }] }, 'invalid_offer');
    await bad({ kind: 'proposal', finalOffer: true }, 'final_offer_not_offer');
    await bad({ comparedWith: ['bad'] }, 'compared_with_self');
    await bad({ comparedWith: ['nope'] }, 'offer_not_found');
    await bad({ id: 'aftra-2008' }, 'duplicate_offer');
    expect(await admin().call('createOffer', { params: { id: 'nope' }, json: OFFER })).toMatchObject({ status: 404, error: { code: 'contract_not_found' } });
    expect((await admin().call('listOffers')).ok && (await admin().call('listOffers'))).toMatchObject({ value: { offers: [{ offer: { id: 'aftra-2008' } }, { offer: { id: 'amptp-final' } }] } });
  });

  it('moves the final-offer mark within a contract, all or nothing', async () => {
    await seedTracker();
    await admin().call('createOffer', { params: { id: CONTRACT.id }, json: { ...OFFER, id: 'amptp-earlier', finalOffer: true } });
    expect(await admin().call('markFinalOffer', { params: { id: 'aftra-2008' }, json: { finalOffer: true } })).toMatchObject({ status: 400, error: { code: 'final_offer_not_offer' } });
    expect(await admin().call('markFinalOffer', { params: { id: 'amptp-final' }, json: { finalOffer: true } })).toMatchObject({ status: 200, value: { offer: { finalOffer: true } } });
    const detail = await admin().call('getContract', { params: { id: CONTRACT.id } });
    expect(detail.ok && detail.value.offers.map((o) => [o.offer.id, o.offer.finalOffer])).toEqual([['aftra-2008', false], ['amptp-earlier', false], ['amptp-final', true]]);
    expect(await admin().call('listContracts')).toMatchObject({ value: { contracts: [{ finalOfferId: 'amptp-final' }] } });
  });

  it('compares term by term against a chosen baseline', async () => {
    await seedTracker();
    const r = await admin().call('compareOffers', { query: { baseline: 'aftra-2008', offers: 'amptp-final' } });
    expect(r.ok && r.value.comparison.rows.map((x) => [x.key, x.cells[0]!.verdict])).toEqual([['wage-y1', 'equal'], ['new-media', 'better'], ['term', 'missing_in_baseline']]);
    expect(await admin().call('compareOffers', { query: { baseline: 'aftra-2008', offers: 'nope' } })).toMatchObject({ status: 404, error: { code: 'offer_not_found' } });
    expect(await admin().call('compareOffers', { query: { baseline: 'aftra-2008', offers: 'a,,b' } })).toMatchObject({ status: 400, error: { code: 'invalid_request' } });
    expect(await admin().call('compareOffers', { query: { baseline: 'aftra-2008', offers: 'amptp-final,amptp-final' } })).toMatchObject({ status: 400, error: { code: 'duplicate_compared_with' } });
  });
});

describe('documents', () => {
  it('sniffs PDF and Markdown, refuses anything else, and serves bytes with safe headers', async () => {
    await seedTracker();
    const up = (id: string, content: Uint8Array | string, extra: object = {}) =>
      admin().call('addDocument', { params: { id: CONTRACT.id }, json: { id, name: 'Offer <summary>.md', contentBase64: Buffer.from(content).toString('base64'), ...extra } });
    const md = '# Final offer\n\n<script>alert(1)</script>\n';
    expect(await up('summary', md, { offerId: 'amptp-final' })).toMatchObject({ status: 201, value: { contentType: 'text/markdown', size: md.length, sha256: sha256Hex(Buffer.from(md)), name: 'Offer _summary_.md' } });
    expect(await up('full-text', '%PDF-1.7\n…')).toMatchObject({ status: 201, value: { contentType: 'application/pdf', offerId: null } });
    expect(await up('png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]))).toMatchObject({ status: 400, error: { code: 'unsupported_document_type' } });
    expect(await up('empty', '')).toMatchObject({ status: 400, error: { code: 'document_empty' } });
    expect(await admin().call('addDocument', { params: { id: CONTRACT.id }, json: { id: 'x', name: 'x', contentBase64: '***' } })).toMatchObject({ status: 400, error: { code: 'invalid_base64' } });
    expect(await up('summary', md)).toMatchObject({ status: 409, error: { code: 'duplicate_document' } });
    expect(await up('other', md, { offerId: 'nope' })).toMatchObject({ status: 404, error: { code: 'offer_not_found' } });
    expect(await up('big', new Uint8Array(2 * 1024 * 1024 + 1).fill(0x41))).toMatchObject({ status: 413, error: { code: 'document_too_large' } });

    const res = await fetch(`${server.baseUrl}/api/admin/documents/summary`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(await res.text()).toBe(md);
    expect((await fetch(`${server.baseUrl}/api/admin/documents/summary`)).status).toBe(401);
    const detail = await admin().call('getContract', { params: { id: CONTRACT.id } });
    // Same clock tick in the test: by creation time, then id.
    expect(detail.ok && detail.value.documents.map((d) => d.id)).toEqual(['full-text', 'summary']);
  });
});

describe('roles and audit', () => {
  it('lets observers read but not write; members and the public get nothing; writes are audited', async () => {
    await seedTracker();
    const observer = server.client();
    unwrap(await createStaffAccount(server.engine.store, { username: 'olga', password: 'a long enough staff password', role: 'observer', secretKey: null }));
    expect((await observer.staff.login('olga', 'a long enough staff password')).ok).toBe(true);
    expect(await observer.call('getContract', { params: { id: CONTRACT.id } })).toMatchObject({ status: 200 });
    expect(await observer.call('compareOffers', { query: { baseline: 'aftra-2008', offers: 'amptp-final' } })).toMatchObject({ status: 200 });
    expect(await observer.call('createContract', { json: { ...CONTRACT, id: 'other' } })).toMatchObject({ status: 403, error: { code: 'forbidden_role' } });
    expect(await observer.call('markFinalOffer', { params: { id: 'amptp-final' }, json: { finalOffer: true } })).toMatchObject({ status: 403 });
    expect(await server.client().call('listContracts')).toMatchObject({ status: 401 });
    expect(await server.client().call('createOffer', { params: { id: CONTRACT.id }, json: OFFER })).toMatchObject({ status: 401 });
    expect(await admin().call('getContract', { params: { id: 'other' } })).toMatchObject({ status: 404 });
    const log = await admin().staff.auditLog();
    expect(log.ok && log.value.entries.map((e) => e.action)).toEqual(['createContract', 'createOffer', 'createOffer', 'staffLogin']);
  });
});

describe('the offer a vote ratifies', () => {
  const voteBinding = (reference: { id: string; title: string; digest: string }) => fx.voteBinding(server, reference);
  const attach = (id: string, name: string, bytes: Uint8Array | string, offerId?: string) => fx.attachDocument(admin, id, name, bytes, offerId);
  const digestOf = (offerId: string) => fx.digestOf(admin, offerId);

  it('serves the offer, checks the manifest digest, and compares it with the agreements it names', async () => {
    const created = await seedTracker();
    const digest = created.ok ? created.value.digest : '';
    await voteBinding({ id: 'amptp-final', title: 'AMPTP final offer', digest });
    const r = await server.client().call('voteOffer', { params: { id: 'sag-ratify' } });
    expect(r).toMatchObject({ status: 200, value: { digestMatches: true, reference: { digest }, offer: { id: 'amptp-final' }, comparedWith: [{ id: 'aftra-2008' }], contract: { id: CONTRACT.id } } });
    expect(r.ok && r.value.comparison.rows.map((x) => [x.key, x.cells[0]!.verdict])).toEqual([['wage-y1', 'equal'], ['new-media', 'worse'], ['term', 'missing_in_offer']]);
    // Bound: the offer can no longer change, nor lose or move its mark.
    const { id: _id, ...body } = OFFER;
    expect(await admin().call('updateOffer', { params: { id: 'amptp-final' }, json: body })).toMatchObject({ status: 409, error: { code: 'offer_in_use' } });
    expect(await admin().call('markFinalOffer', { params: { id: 'amptp-final' }, json: { finalOffer: true } })).toMatchObject({ status: 409, error: { code: 'offer_in_use' } });
    expect(await server.client().call('voteOffer', { params: { id: 'nope' } })).toMatchObject({ status: 404, error: { code: 'vote_not_found' } });
  });

  it('says so when the stored offer does not match the digest the manifest signed', async () => {
    await seedTracker();
    await voteBinding({ id: 'amptp-final', title: 'AMPTP final offer', digest: 'ab'.repeat(32) });
    expect(await server.client().call('voteOffer', { params: { id: 'sag-ratify' } })).toMatchObject({ status: 200, value: { digestMatches: false } });
  });

  it("lists the offer's own documents and serves them to anyone, with the staff route's safe headers and the exact bytes", async () => {
    await seedTracker();
    const md = '# Résumé\n\n<script>alert(1)</script>\n';
    const pdf = new Uint8Array([...Buffer.from('%PDF-1.7\n'), 0x00, 0xff, 0x80, 0x0d, 0x0a, 0xe2, 0x28, 0xa1]);
    // Documents go into the offer (and its digest) before a vote binds it.
    expect(await attach('final-summary', 'Résumé final.md', md, 'amptp-final')).toMatchObject({ status: 201 });
    expect(await attach('final-text', 'final.pdf', pdf, 'amptp-final')).toMatchObject({ status: 201 });
    expect(await attach('aftra-text', 'aftra.pdf', pdf, 'aftra-2008')).toMatchObject({ status: 201 });
    expect(await attach('contract-text', 'contract.md', md)).toMatchObject({ status: 201 });
    await voteBinding({ id: 'amptp-final', title: 'AMPTP final offer', digest: await digestOf('amptp-final') });

    // The offer's own documents only: not the other offer's, not the contract's; exactly the ones
    // the offer object lists, so the manifest's digest commits to their SHA-256.
    const offer = await server.client().call('voteOffer', { params: { id: 'sag-ratify' } });
    const listed = [
      { id: 'final-summary', name: 'Résumé final.md', contentType: 'text/markdown', size: Buffer.byteLength(md), sha256: sha256Hex(Buffer.from(md)) },
      { id: 'final-text', name: 'final.pdf', contentType: 'application/pdf', size: pdf.length, sha256: sha256Hex(pdf) },
    ];
    expect(offer).toMatchObject({ status: 200, value: { digestMatches: true } });
    expect(offer.ok && offer.value.documents).toEqual(listed);
    expect(offer.ok && offer.value.offer.documents).toEqual(listed);

    const url = (documentId: string) => `${server.baseUrl}/api/votes/sag-ratify/offer/documents/${documentId}`;
    const SAFE = ['content-type', 'content-disposition', 'x-content-type-options', 'content-security-policy', 'cache-control', 'x-document-sha256'];
    const res = await fetch(url('final-summary'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="R_sum_ final.md"; filename*=UTF-8''R%C3%A9sum%C3%A9%20final.md`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(res.headers.get('x-document-sha256')).toBe(sha256Hex(Buffer.from(md)));
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from(md));
    const binary = await fetch(url('final-text'));
    expect(binary.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await binary.arrayBuffer())).toEqual(pdf);
    // One way of serving a document: the staff route answers with the very same headers.
    const staff = await fetch(`${server.baseUrl}/api/admin/documents/final-summary`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(SAFE.map((h) => staff.headers.get(h))).toEqual(SAFE.map((h) => res.headers.get(h)));

    const get = (voteId: string, documentId: string) => server.client().call('voteOfferDocument', { params: { id: voteId, documentId } });
    expect(await get('sag-ratify', 'aftra-text')).toMatchObject({ status: 404, error: { code: 'document_not_found' } });
    expect(await get('sag-ratify', 'contract-text')).toMatchObject({ status: 404, error: { code: 'document_not_found' } });
    expect(await get('sag-ratify', 'nope')).toMatchObject({ status: 404, error: { code: 'document_not_found' } });
    expect(await get('nope', 'final-summary')).toMatchObject({ status: 404, error: { code: 'vote_not_found' } });
    await seedVote(server.engine, { voteId: 'no-offer', unionId: 'plain', unionName: 'Plain', members: [{ memberNumber: 'P1', email: 'p1@example.org' }] }, seededRandom('no-offer'));
    expect(await get('no-offer', 'final-summary')).toMatchObject({ status: 404, error: { code: 'no_linked_offer' } });
    expect(await get('sag-ratify', 'Not_A_Slug')).toMatchObject({ status: 400, error: { code: 'invalid_request' } });
  });

  it('the draft form binds an offer only by its exact digest and title', async () => {
    await admin().call('createUnion', { json: { id: 'local-9', name: 'Local 9' } });
    await admin().call('importRoll', { params: { id: 'local-9' }, json: { csv: rollCsv([['A1', 'Ada', 'ada@example.org', true, 'north']]) } });
    const created = await seedTracker();
    const digest = created.ok ? created.value.digest : '';
    const form = (offer: object, linkedOfferId = 'amptp-final') => definitionForm({ linkedOfferId, information: { ...definitionForm().information, offer } });
    const wrong = await admin().call('createDraft', { json: form({ id: 'amptp-final', title: 'AMPTP final offer', digest: 'ab'.repeat(32) }) });
    expect(wrong).toMatchObject({ status: 400, error: { code: 'offer_digest_mismatch' } });
    expect(await admin().call('createDraft', { json: form({ id: 'nope', title: 'x', digest }, 'nope') })).toMatchObject({ status: 404, error: { code: 'offer_not_found' } });
    expect(await admin().call('createDraft', { json: form({ id: 'amptp-final', title: 'AMPTP final offer', digest }, 'other') })).toMatchObject({ status: 400, error: { code: 'invalid_definition' } });
    const v = await admin().call('validateDraft', { json: form({ id: 'amptp-final', title: 'AMPTP final offer', digest: 'ab'.repeat(32) }) });
    expect(v.ok && v.value.issues.map((i) => i.code)).toEqual(['offer_digest_mismatch']);
    expect(await admin().call('listDrafts')).toMatchObject({ value: { drafts: [] } });
    expect(await admin().call('createDraft', { json: form({ id: 'amptp-final', title: 'AMPTP final offer', digest }) })).toMatchObject({ status: 201 });
    const { id: _id, ...body } = OFFER;
    expect(await admin().call('updateOffer', { params: { id: 'amptp-final' }, json: body })).toMatchObject({ status: 409, error: { code: 'offer_in_use' } });
  });
});
