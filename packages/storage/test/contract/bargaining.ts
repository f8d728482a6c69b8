// Contract: the bargaining tracker. Contracts (unique ids, status changed only by compare and set,
// with a contiguous history), sessions (need their contract, stay with it, ordered by date), offers
// (stored byte for byte, at most one final offer per contract, also enforced by the database) and
// documents (bytes round-trip exactly; offer must belong to the contract; an offer's document and
// the offer's rewritten text commit together or not at all), and removal (an offer goes with its
// documents and its final mark; a document with its offer's rewrite, or neither). Every refused
// write changes nothing.
import { err } from '@ratify/crypto';
import { describe, expect, it } from 'vitest';
import type { ContractRecord, NewDocument, OfferRecord } from '../../src/index.ts';
import { FIXED_TIME, expectOk, useStore } from './fixtures.ts';
import type { StoreFactory } from './fixtures.ts';

const T0 = FIXED_TIME.toISOString();
const contract = (id: string, overrides: Partial<ContractRecord> = {}): ContractRecord => ({
  id, title: `Contract ${id}`, parties: ['Guild', 'Producers'], coveredUnit: 'performers', effectiveDate: '2005-07-01', expiryDate: '2008-06-30', status: 'in_force', ...overrides,
});
const offer = (id: string, contractId = 'c1', finalOffer = false): OfferRecord => ({ id, contractId, finalOffer, offer: `{"id":"${id}","x":"ü"}` });
const doc = (id: string, overrides: Partial<NewDocument> = {}): NewDocument => ({
  id, contractId: 'c1', offerId: null, name: 'summary.md', contentType: 'text/markdown', size: 3, sha256: 'ab'.repeat(32), bytes: new Uint8Array([0, 255, 7]), ...overrides,
});

export function bargainingContract(factory: StoreFactory): void {
  const t = useStore(factory);

  describe('contracts', () => {
    it('creates, reads, lists by expiry and refuses a duplicate id', async () => {
      const c = expectOk(await t.store.bargaining.createContract(contract('c1')));
      expect(c).toEqual({ ...contract('c1'), createdAt: T0, updatedAt: T0 });
      expectOk(await t.store.bargaining.createContract(contract('c0', { expiryDate: '2007-01-01' })));
      expect(await t.store.bargaining.createContract(contract('c1', { title: 'other' }))).toMatchObject({ ok: false, error: 'duplicate_contract' });
      expect((await t.store.bargaining.listContracts()).map((x) => x.id)).toEqual(['c0', 'c1']);
      expect(await t.store.bargaining.getContract('c1')).toEqual(c);
      expect(await t.store.bargaining.getContract('nope')).toBeNull();
    });

    it('updates fields but not the status', async () => {
      expectOk(await t.store.bargaining.createContract(contract('c1')));
      const { status: _s, ...rest } = contract('c1', { title: 'Renamed', parties: ['A', 'B', 'C'] });
      const u = expectOk(await t.store.bargaining.updateContract(rest));
      expect(u).toMatchObject({ title: 'Renamed', parties: ['A', 'B', 'C'], status: 'in_force' });
      expect(await t.store.bargaining.updateContract({ ...rest, id: 'nope' })).toMatchObject({ ok: false, error: 'contract_not_found' });
    });

    it('changes the status by compare and set, with a contiguous history', async () => {
      expectOk(await t.store.bargaining.createContract(contract('c1')));
      const e1 = expectOk(await t.store.bargaining.changeContractStatus({ contractId: 'c1', from: 'in_force', to: 'expired', onDate: '2008-06-30', note: null }));
      expect(e1).toEqual({ contractId: 'c1', seq: 1, from: 'in_force', to: 'expired', onDate: '2008-06-30', note: null, at: T0 });
      // A stale read: the status is no longer in_force, so nothing changes.
      expect(await t.store.bargaining.changeContractStatus({ contractId: 'c1', from: 'in_force', to: 'strike', onDate: '2008-07-01', note: null })).toMatchObject({ ok: false, error: 'status_conflict' });
      expect(await t.store.bargaining.changeContractStatus({ contractId: 'zz', from: 'in_force', to: 'expired', onDate: '2008-07-01', note: null })).toMatchObject({ ok: false, error: 'contract_not_found' });
      expectOk(await t.store.bargaining.changeContractStatus({ contractId: 'c1', from: 'expired', to: 'working_without_contract', onDate: '2008-07-01', note: 'talks continue' }));
      expect((await t.store.bargaining.getContract('c1'))?.status).toBe('working_without_contract');
      expect((await t.store.bargaining.listContractStatusEvents('c1')).map((e) => [e.seq, e.to])).toEqual([[1, 'expired'], [2, 'working_without_contract']]);
    });
  });

  describe('sessions', () => {
    it('needs its contract, stays with it, lists by date and deletes once', async () => {
      expectOk(await t.store.bargaining.createContract(contract('c1')));
      expectOk(await t.store.bargaining.createContract(contract('c2')));
      const s = { id: 's2', contractId: 'c1', date: '2008-04-16', endDate: '2008-04-17', kind: 'formal' as const, notes: null };
      expectOk(await t.store.bargaining.putBargainingSession(s));
      expectOk(await t.store.bargaining.putBargainingSession({ ...s, id: 's1', date: '2008-04-15', endDate: null, notes: 'opening' }));
      expect(await t.store.bargaining.putBargainingSession({ ...s, contractId: 'nope' })).toMatchObject({ ok: false, error: 'contract_not_found' });
      expect(await t.store.bargaining.putBargainingSession({ ...s, contractId: 'c2' })).toMatchObject({ ok: false, error: 'session_contract_mismatch' });
      expectOk(await t.store.bargaining.putBargainingSession({ ...s, kind: 'informal' }));
      expect((await t.store.bargaining.listBargainingSessions('c1')).map((x) => [x.id, x.kind])).toEqual([['s1', 'formal'], ['s2', 'informal']]);
      expect(await t.store.bargaining.listBargainingSessions('c2')).toEqual([]);
      expect(await t.store.bargaining.deleteBargainingSession('c2', 's1')).toMatchObject({ ok: false, error: 'session_not_found' });
      expectOk(await t.store.bargaining.deleteBargainingSession('c1', 's1'));
      expect(await t.store.bargaining.deleteBargainingSession('c1', 's1')).toMatchObject({ ok: false, error: 'session_not_found' });
    });
  });

  describe('offers', () => {
    it('stores the text byte for byte and keeps one final offer per contract', async () => {
      expectOk(await t.store.bargaining.createContract(contract('c1')));
      expectOk(await t.store.bargaining.createContract(contract('c2')));
      const a = expectOk(await t.store.bargaining.createOffer(offer('a')));
      expect(a).toEqual({ ...offer('a'), createdAt: T0, updatedAt: T0 });
      expect(await t.store.bargaining.createOffer(offer('a'))).toMatchObject({ ok: false, error: 'duplicate_offer' });
      expect(await t.store.bargaining.createOffer(offer('x', 'nope'))).toMatchObject({ ok: false, error: 'contract_not_found' });
      expectOk(await t.store.bargaining.createOffer(offer('f', 'c1', true)));
      expect(await t.store.bargaining.createOffer(offer('g', 'c1', true))).toMatchObject({ ok: false, error: 'final_offer_exists' });
      expect(await t.store.bargaining.updateOffer(offer('a', 'c1', true))).toMatchObject({ ok: false, error: 'final_offer_exists' });
      expectOk(await t.store.bargaining.createOffer(offer('h', 'c2', true))); // another contract may have its own
      expect(await t.store.bargaining.updateOffer(offer('a', 'c2'))).toMatchObject({ ok: false, error: 'offer_contract_mismatch' });
      expect(await t.store.bargaining.updateOffer(offer('zz'))).toMatchObject({ ok: false, error: 'offer_not_found' });
      // Moving the mark inside one transaction: unmark f, then mark a.
      const moved = await t.store.transaction(async (tx) => {
        const un = await tx.bargaining.updateOffer(offer('f', 'c1', false));
        return un.ok ? tx.bargaining.updateOffer(offer('a', 'c1', true)) : un;
      });
      expect(moved.ok).toBe(true);
      expect((await t.store.bargaining.listOffers('c1')).map((o) => [o.id, o.finalOffer])).toEqual([['a', true], ['f', false]]);
      expect((await t.store.bargaining.listOffers()).map((o) => o.id)).toEqual(['a', 'f', 'h']);
      expect((await t.store.bargaining.getOffer('a'))?.offer).toBe(offer('a').offer);
    });

    it('refuses a second final offer in the database itself', async () => {
      expectOk(await t.store.bargaining.createContract(contract('c1')));
      expectOk(await t.store.bargaining.createOffer(offer('f', 'c1', true)));
      await expect(
        t.store.kysely.insertInto('bargaining_offers').values({ id: 'g', contract_id: 'c1', final_key: 'c1', offer: '{}', created_at: T0, updated_at: T0 }).execute(),
      ).rejects.toThrow();
    });
  });

  describe('documents', () => {
    it('round-trips bytes exactly and checks the contract and offer', async () => {
      expectOk(await t.store.bargaining.createContract(contract('c1')));
      expectOk(await t.store.bargaining.createContract(contract('c2')));
      expectOk(await t.store.bargaining.createOffer(offer('o2', 'c2')));
      const meta = expectOk(await t.store.bargaining.addDocument(doc('d1')));
      const { bytes: _b, ...rest } = doc('d1');
      expect(meta).toEqual({ ...rest, createdAt: T0 });
      expect((await t.store.bargaining.getDocument('d1'))?.bytes).toEqual(new Uint8Array([0, 255, 7]));
      expect(await t.store.bargaining.addDocument(doc('d1'))).toMatchObject({ ok: false, error: 'duplicate_document' });
      expect(await t.store.bargaining.addDocument(doc('d2', { contractId: 'nope' }))).toMatchObject({ ok: false, error: 'contract_not_found' });
      expect(await t.store.bargaining.addDocument(doc('d2', { offerId: 'nope' }))).toMatchObject({ ok: false, error: 'offer_not_found' });
      expect(await t.store.bargaining.addDocument(doc('d2', { offerId: 'o2' }))).toMatchObject({ ok: false, error: 'offer_contract_mismatch' });
      expect((await t.store.bargaining.listDocuments('c1')).map((d) => d.id)).toEqual(['d1']);
      expect(await t.store.bargaining.getDocument('d2')).toBeNull();
    });

    it("adds an offer's document and rewrites the offer's text in one transaction: both or neither", async () => {
      expectOk(await t.store.bargaining.createContract(contract('c1')));
      expectOk(await t.store.bargaining.createOffer(offer('o1')));
      const before = await t.store.bargaining.getOffer('o1');
      const listed = '{"documents":["d1"],"id":"o1"}';
      expectOk(await t.store.transaction(async (tx) => {
        const added = await tx.bargaining.addDocument(doc('d1', { offerId: 'o1' }));
        return added.ok ? tx.bargaining.updateOffer({ id: 'o1', contractId: 'c1', finalOffer: false, offer: listed }) : added;
      }));
      expect((await t.store.bargaining.getOffer('o1'))?.offer).toBe(listed);
      expect((await t.store.bargaining.getDocument('d1'))?.offerId).toBe('o1');
      // The offer's rewrite is refused: the document added before it in the same transaction goes too.
      const refused = await t.store.transaction(async (tx) => {
        const added = await tx.bargaining.addDocument(doc('d2', { offerId: 'o1' }));
        return added.ok ? tx.bargaining.updateOffer({ id: 'o1', contractId: 'c2', finalOffer: false, offer: '{"documents":["d1","d2"],"id":"o1"}' }) : added;
      });
      expect(refused).toMatchObject({ ok: false, error: 'offer_contract_mismatch' });
      expect(await t.store.bargaining.getDocument('d2')).toBeNull();
      expect((await t.store.bargaining.getOffer('o1'))?.offer).toBe(listed);
      expect(before?.offer).not.toBe(listed);
    });
  });

  describe('removing offers and documents', () => {
    /** Everything the tracker's offer and document tables hold, to prove a refusal changed nothing. */
    const snapshot = async () => ({
      offers: await t.store.kysely.selectFrom('bargaining_offers').selectAll().orderBy('id').execute(),
      documents: await t.store.kysely.selectFrom('bargaining_documents').selectAll().orderBy('id').execute(),
    });

    it('removes an offer with its own documents and its final mark, leaving the contract’s and other offers’ documents', async () => {
      expectOk(await t.store.bargaining.createContract(contract('c1')));
      expectOk(await t.store.bargaining.createOffer(offer('f', 'c1', true)));
      expectOk(await t.store.bargaining.createOffer(offer('a')));
      expectOk(await t.store.bargaining.addDocument(doc('d0')));
      expectOk(await t.store.bargaining.addDocument(doc('d1', { offerId: 'f' })));
      expectOk(await t.store.bargaining.addDocument(doc('d2', { offerId: 'f' })));
      expectOk(await t.store.bargaining.addDocument(doc('d3', { offerId: 'a' })));
      expect(await t.store.bargaining.deleteOffer('f')).toEqual({ ok: true, value: true });
      expect(await t.store.bargaining.getOffer('f')).toBeNull();
      expect(await t.store.bargaining.getDocument('d1')).toBeNull();
      expect(await t.store.bargaining.getDocument('d2')).toBeNull();
      expect((await t.store.bargaining.listDocuments('c1')).map((d) => [d.id, d.offerId])).toEqual([['d0', null], ['d3', 'a']]);
      expect((await t.store.bargaining.listOffers('c1')).map((o) => o.id)).toEqual(['a']);
      // The mark went with the row: another offer of the contract can be the final offer now.
      expectOk(await t.store.bargaining.createOffer(offer('g', 'c1', true)));
      expect(await t.store.bargaining.deleteOffer('f')).toMatchObject({ ok: false, error: 'offer_not_found' });
      expect(await t.store.bargaining.deleteOffer('nope')).toMatchObject({ ok: false, error: 'offer_not_found' });
    });

    it('keeps the offer and its documents when the transaction removing them is refused', async () => {
      expectOk(await t.store.bargaining.createContract(contract('c1')));
      expectOk(await t.store.bargaining.createOffer(offer('f', 'c1', true)));
      expectOk(await t.store.bargaining.addDocument(doc('d1', { offerId: 'f' })));
      const before = await snapshot();
      const refused = await t.store.transaction(async (tx) => {
        expectOk(await tx.bargaining.deleteOffer('f'));
        return err('offer_in_use', 'a check after the removal refuses it');
      });
      expect(refused).toMatchObject({ ok: false, error: 'offer_in_use' });
      expect(await snapshot()).toEqual(before);
    });

    it('removes a document once; an offer’s document and the offer’s rewritten text go together or not at all', async () => {
      expectOk(await t.store.bargaining.createContract(contract('c1')));
      expectOk(await t.store.bargaining.createOffer(offer('o1')));
      expectOk(await t.store.bargaining.addDocument(doc('d0')));
      expectOk(await t.store.bargaining.addDocument(doc('d1', { offerId: 'o1' })));
      expectOk(await t.store.bargaining.addDocument(doc('d2', { offerId: 'o1' })));
      expectOk(await t.store.bargaining.updateOffer({ id: 'o1', contractId: 'c1', finalOffer: false, offer: '{"documents":["d1","d2"],"id":"o1"}' }));
      expect(await t.store.bargaining.deleteDocument('d0')).toEqual({ ok: true, value: true });
      expect(await t.store.bargaining.getDocument('d0')).toBeNull();
      expect(await t.store.bargaining.deleteDocument('d0')).toMatchObject({ ok: false, error: 'document_not_found' });

      const listed = '{"documents":["d2"],"id":"o1"}';
      expectOk(await t.store.transaction(async (tx) => {
        const removed = await tx.bargaining.deleteDocument('d1');
        return removed.ok ? tx.bargaining.updateOffer({ id: 'o1', contractId: 'c1', finalOffer: false, offer: listed }) : removed;
      }));
      expect(await t.store.bargaining.getDocument('d1')).toBeNull();
      expect((await t.store.bargaining.getOffer('o1'))?.offer).toBe(listed);

      // The offer's rewrite is refused: the document removed before it in the same transaction stays.
      const before = await snapshot();
      const refused = await t.store.transaction(async (tx) => {
        const removed = await tx.bargaining.deleteDocument('d2');
        return removed.ok ? tx.bargaining.updateOffer({ id: 'o1', contractId: 'c2', finalOffer: false, offer: '{"id":"o1"}' }) : removed;
      });
      expect(refused).toMatchObject({ ok: false, error: 'offer_contract_mismatch' });
      expect(await snapshot()).toEqual(before);
      expect((await t.store.bargaining.getDocument('d2'))?.bytes).toEqual(new Uint8Array([0, 255, 7]));
    });
  });
}
