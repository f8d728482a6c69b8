// The bargaining tracker (docs/bargaining.md): contracts, sessions, offers with structured terms,
// documents, the offer comparison, and the public read of the offer a vote ratifies and of the
// documents that offer lists (never any other). Every input is checked with the protocol
// (@ratify/protocol/bargaining) before the store sees it; a refused request changes nothing.
// Offers are stored as canonical JSON, listing their documents, and served with their digest; once
// a draft or vote binds an offer (information.offer / linkedOfferId) it, its final mark and its
// documents can no longer change, nor can it be removed (offer-records.ts).
import { err, ok, type Result } from '@ratify/crypto';
import type { Engine } from '@ratify/engine';
import { parseWireManifest, type OfferReference } from '@ratify/protocol';
import {
  checkContract, checkContractTransition, checkSession, compareOffers, contractSchema, createOffer, formalNegotiationDays, offerDigest,
  sessionSchema, sniffDocument, sortSessions, toDocumentName, toWireOffer, type BargainingSession, type ContractStatus, type Offer, type OfferInput,
} from '@ratify/protocol/bargaining';
import type { SessionRecord, Store, StoredContract, StoredDocument, StoredOffer } from '@ratify/storage';
import type { z } from 'zod';
import type { offerBodySchema, offerUpdateBodySchema, sessionBodySchema } from '../api/bargaining-schemas.ts';
import type { ResponseOf } from '../api/routes.ts';
import type { ApiErrorCode } from '../http/errors.ts';
import {
  attachOfferDocument, boundOfferIds, comparedByIndex, listedDocument, offerInUse, readOffer, removeDocument, removeOffer, withStoredDocuments,
} from './offer-records.ts';

type OfferBody = z.infer<typeof offerBodySchema>;
type ContractBody = {
  readonly id: string; readonly title: string; readonly parties: readonly string[]; readonly coveredUnit: string;
  readonly effectiveDate: string; readonly expiryDate: string; readonly status: ContractStatus;
};
type OfferEntry = ResponseOf<'listOffers'>['offers'][number];

/** The protocol's readonly domain values as the API's (mutable, same-shaped) zod output types. */
const asWire = <T>(value: unknown): T => value as T;

const firstIssue = (e: z.ZodError) => {
  const i = e.issues[0];
  return i ? `${i.path.join('.') || '(root)'}: ${i.message}` : 'invalid';
};

function toContractOut(c: StoredContract): ResponseOf<'createContract'> {
  return { ...c, parties: [...c.parties] };
}

function toSession(r: SessionRecord): BargainingSession {
  return {
    id: r.id, contractId: r.contractId, date: r.date, kind: r.kind,
    ...(r.endDate !== null ? { endDate: r.endDate } : {}), ...(r.notes !== null ? { notes: r.notes } : {}),
  };
}

function entry(stored: StoredOffer, offer: Offer): OfferEntry {
  return { offer: asWire<OfferEntry['offer']>(offer), digest: offerDigest(offer), createdAt: stored.createdAt, updatedAt: stored.updatedAt };
}

function checkedOffer(contractId: string, body: OfferBody): Result<Offer, ApiErrorCode> {
  const { comparedWith, summary, ...rest } = body;
  const input: OfferInput = { ...rest, contractId, ...(summary !== undefined ? { summary } : {}), ...(comparedWith !== undefined ? { comparedWith } : {}) } as OfferInput;
  const o = createOffer(input);
  if (o.ok) return o;
  switch (o.error) {
    case 'duplicate_term_key': case 'final_offer_not_offer': case 'compared_with_self': case 'duplicate_compared_with':
      return err(o.error, o.detail);
    default:
      return err('invalid_offer', o.detail ?? o.error);
  }
}

/**
 * For the draft form: the offer a definition binds must exist, and its title and digest must be
 * the stored offer's, so the manifest signs exactly what members will be shown. Null when fine.
 */
export async function offerReferenceProblem(store: Store, definition: { readonly information?: { readonly offer?: { readonly id: string; readonly title: string; readonly digest: string } | undefined } | undefined }): Promise<{ code: ApiErrorCode; field: string; message: string } | null> {
  const ref = definition.information?.offer;
  if (ref === undefined) return null;
  const stored = await store.bargaining.getOffer(ref.id);
  if (stored === null) return { code: 'offer_not_found', field: 'information.offer.id', message: `no offer ${ref.id}` };
  const offer = readOffer(stored);
  if (!offer.ok) return { code: 'internal_error', field: 'information.offer.id', message: offer.detail ?? 'unreadable offer' };
  if (offerDigest(offer.value) !== ref.digest) return { code: 'offer_digest_mismatch', field: 'information.offer.digest', message: 'the digest is not the stored offer’s' };
  if (offer.value.title !== ref.title) return { code: 'offer_digest_mismatch', field: 'information.offer.title', message: 'the title is not the stored offer’s' };
  return null;
}

export function createBargainingService(engine: Engine) {
  const store = engine.store;

  async function loadOffer(id: string): Promise<Result<{ stored: StoredOffer; offer: Offer }, ApiErrorCode>> {
    const stored = await store.bargaining.getOffer(id);
    if (stored === null) return err('offer_not_found', id);
    const offer = readOffer(stored);
    return offer.ok ? ok({ stored, offer: offer.value }) : offer;
  }

  function checkContractBody(body: ContractBody): Result<ContractBody, ApiErrorCode> {
    const parsed = contractSchema.safeParse(body);
    if (!parsed.success) return err('invalid_contract', firstIssue(parsed.error));
    const checked = checkContract(parsed.data);
    return checked.ok ? ok(body) : err(checked.error, checked.detail);
  }

  /** The offer reference a vote's manifest signs (information.offer). */
  async function boundReference(voteId: string): Promise<Result<OfferReference, ApiErrorCode>> {
    const vote = await store.votes.getVote(voteId);
    if (vote === null) return err('vote_not_found', voteId);
    const manifest = parseWireManifest(vote.manifest);
    if (!manifest.ok) return err('internal_error', `manifest of ${voteId} unreadable`);
    const reference = manifest.value.information?.offer;
    return reference === undefined ? err('no_linked_offer', voteId) : ok(reference);
  }

  /**
   * Rewrites an offer (not bound: the callers check inside the same transaction) listing the
   * documents stored for it, so an edit or a final mark never drops a document from the offer.
   */
  async function rewriteOffer(tx: Store, offer: Offer): Promise<Result<{ stored: StoredOffer; offer: Offer }, ApiErrorCode>> {
    const listed = await withStoredDocuments(tx, offer);
    if (!listed.ok) return listed;
    const updated = await tx.bargaining.updateOffer({ id: offer.id, contractId: offer.contractId, finalOffer: offer.finalOffer, offer: toWireOffer(listed.value) });
    return updated.ok ? ok({ stored: updated.value, offer: listed.value }) : updated;
  }

  async function summaryOf(c: StoredContract) {
    const sessions = (await store.bargaining.listBargainingSessions(c.id)).map(toSession);
    const offers = await store.bargaining.listOffers(c.id);
    return { ...toContractOut(c), formalNegotiationDays: formalNegotiationDays(sessions), offers: offers.length, finalOfferId: offers.find((o) => o.finalOffer)?.id ?? null };
  }

  return {
    async listContracts(): Promise<Result<ResponseOf<'listContracts'>, ApiErrorCode>> {
      const out = [];
      for (const c of await store.bargaining.listContracts()) out.push(await summaryOf(c));
      return ok({ contracts: out });
    },

    async createContract(body: ContractBody): Promise<Result<ResponseOf<'createContract'>, ApiErrorCode>> {
      const checked = checkContractBody(body);
      if (!checked.ok) return checked;
      const created = await store.bargaining.createContract(body);
      return created.ok ? ok(toContractOut(created.value)) : created;
    },

    async updateContract(id: string, body: Omit<ContractBody, 'id' | 'status'>): Promise<Result<ResponseOf<'updateContract'>, ApiErrorCode>> {
      const current = await store.bargaining.getContract(id);
      if (current === null) return err('contract_not_found', id);
      const checked = checkContractBody({ ...body, id, status: current.status });
      if (!checked.ok) return checked;
      const updated = await store.bargaining.updateContract({ ...body, id });
      return updated.ok ? ok(toContractOut(updated.value)) : updated;
    },

    async changeStatus(id: string, body: { from: ContractStatus; to: ContractStatus; onDate: string; note?: string | undefined }): Promise<Result<ResponseOf<'changeContractStatus'>, ApiErrorCode>> {
      if ((await store.bargaining.getContract(id)) === null) return err('contract_not_found', id);
      if (!contractSchema.safeParse({ id, title: 't', parties: ['a', 'b'], coveredUnit: 'u', effectiveDate: body.onDate, expiryDate: body.onDate, status: body.to }).success) {
        return err('invalid_contract', 'onDate: expected a calendar day');
      }
      const note = body.note?.trim();
      const allowed = checkContractTransition(body.from, body.to);
      if (!allowed.ok) return allowed;
      const changed = await store.bargaining.changeContractStatus({ contractId: id, from: body.from, to: body.to, onDate: body.onDate, note: note === undefined || note === '' ? null : note });
      if (!changed.ok) return changed;
      const contract = await store.bargaining.getContract(id);
      if (contract === null) return err('contract_not_found', id);
      const { contractId: _c, ...event } = changed.value;
      return ok({ contract: toContractOut(contract), event });
    },

    async getContract(id: string): Promise<Result<ResponseOf<'getContract'>, ApiErrorCode>> {
      const contract = await store.bargaining.getContract(id);
      if (contract === null) return err('contract_not_found', id);
      const sessions = sortSessions((await store.bargaining.listBargainingSessions(id)).map(toSession));
      // What keeps each offer from being removed, so the page offers "Remove" only where it can.
      const bound = await boundOfferIds(store);
      const comparedBy = await comparedByIndex(store);
      if (!comparedBy.ok) return comparedBy;
      const offers: ResponseOf<'getContract'>['offers'] = [];
      for (const stored of await store.bargaining.listOffers(id)) {
        const o = readOffer(stored);
        if (!o.ok) return o;
        offers.push({ ...entry(stored, o.value), bound: bound.has(stored.id), comparedBy: [...(comparedBy.value.get(stored.id) ?? [])] });
      }
      const statusHistory = (await store.bargaining.listContractStatusEvents(id)).map(({ contractId: _c, ...e }) => e);
      return ok({
        contract: toContractOut(contract), formalNegotiationDays: formalNegotiationDays(sessions), statusHistory, sessions: [...sessions], offers,
        documents: [...(await store.bargaining.listDocuments(id))],
      });
    },

    async putSession(contractId: string, body: z.infer<typeof sessionBodySchema>): Promise<Result<ResponseOf<'putBargainingSession'>, ApiErrorCode>> {
      const notes = body.notes?.trim();
      const candidate = { ...body, contractId, ...(notes !== undefined && notes !== '' ? { notes } : {}) };
      if (notes === '') delete (candidate as { notes?: string }).notes;
      const parsed = sessionSchema.safeParse(candidate);
      if (!parsed.success) return err('invalid_session', firstIssue(parsed.error));
      const checked = checkSession(parsed.data);
      if (!checked.ok) return checked;
      const s = checked.value;
      const put = await store.bargaining.putBargainingSession({ id: s.id, contractId, date: s.date, endDate: s.endDate ?? null, kind: s.kind, notes: s.notes ?? null });
      return put.ok ? ok(toSession(put.value)) : put;
    },

    async deleteSession(contractId: string, sessionId: string): Promise<Result<ResponseOf<'deleteBargainingSession'>, ApiErrorCode>> {
      const r = await store.bargaining.deleteBargainingSession(contractId, sessionId);
      return r.ok ? ok({ deleted: true as const }) : r;
    },

    async createOffer(contractId: string, body: OfferBody): Promise<Result<ResponseOf<'createOffer'>, ApiErrorCode>> {
      if ((await store.bargaining.getContract(contractId)) === null) return err('contract_not_found', contractId);
      const offer = checkedOffer(contractId, body);
      if (!offer.ok) return offer;
      for (const other of offer.value.comparedWith ?? []) if ((await store.bargaining.getOffer(other)) === null) return err('offer_not_found', `compared offer ${other}`);
      const created = await store.bargaining.createOffer({ id: offer.value.id, contractId, finalOffer: offer.value.finalOffer, offer: toWireOffer(offer.value) });
      return created.ok ? ok(entry(created.value, offer.value)) : created;
    },

    /** Removes an offer no draft, vote or other offer refers to, with its documents and its final mark (offer-records.ts). */
    async deleteOffer(id: string): Promise<Result<ResponseOf<'deleteOffer'>, ApiErrorCode>> {
      const r = await removeOffer(store, id);
      return r.ok ? ok({ deleted: true as const }) : r;
    },

    async listOffers(): Promise<Result<ResponseOf<'listOffers'>, ApiErrorCode>> {
      const offers: OfferEntry[] = [];
      for (const stored of await store.bargaining.listOffers()) {
        const o = readOffer(stored);
        if (!o.ok) return o;
        offers.push(entry(stored, o.value));
      }
      return ok({ offers });
    },

    async updateOffer(id: string, body: z.infer<typeof offerUpdateBodySchema>): Promise<Result<ResponseOf<'updateOffer'>, ApiErrorCode>> {
      const current = await loadOffer(id);
      if (!current.ok) return current;
      if (await offerInUse(store, id)) return err('offer_in_use', id);
      const offer = checkedOffer(current.value.offer.contractId, { ...body, id });
      if (!offer.ok) return offer;
      for (const other of offer.value.comparedWith ?? []) if ((await store.bargaining.getOffer(other)) === null) return err('offer_not_found', `compared offer ${other}`);
      // The body has no documents: the offer keeps listing the ones attached to it.
      const updated = await store.transaction<{ stored: StoredOffer; offer: Offer }, ApiErrorCode>(async (tx) =>
        (await offerInUse(tx, id)) ? err('offer_in_use', id) : rewriteOffer(tx, offer.value),
      );
      return updated.ok ? ok(entry(updated.value.stored, updated.value.offer)) : updated;
    },

    /** Moves the final-offer mark to this offer (unmarking any other of the contract), all or nothing. */
    async markFinal(id: string, finalOffer: boolean): Promise<Result<ResponseOf<'markFinalOffer'>, ApiErrorCode>> {
      const current = await loadOffer(id);
      if (!current.ok) return current;
      const { offer } = current.value;
      if (offer.finalOffer === finalOffer) return ok(entry(current.value.stored, offer));
      if (finalOffer && offer.kind !== 'offer') return err('final_offer_not_offer', `a ${offer.kind} cannot be marked as the final offer`);
      if (await offerInUse(store, id)) return err('offer_in_use', id);
      const marked: Offer = { ...offer, finalOffer };
      const others: { stored: StoredOffer; offer: Offer }[] = [];
      if (finalOffer) {
        for (const s of await store.bargaining.listOffers(offer.contractId)) {
          if (!s.finalOffer || s.id === id) continue;
          const o = readOffer(s);
          if (!o.ok) return o;
          if (await offerInUse(store, s.id)) return err('offer_in_use', `the current final offer ${s.id} is bound to a vote`);
          others.push({ stored: s, offer: o.value });
        }
      }
      const result = await store.transaction<{ stored: StoredOffer; offer: Offer }, ApiErrorCode>(async (tx) => {
        for (const o of others) {
          const un = await rewriteOffer(tx, { ...o.offer, finalOffer: false });
          if (!un.ok) return un;
        }
        return rewriteOffer(tx, marked);
      });
      return result.ok ? ok(entry(result.value.stored, result.value.offer)) : result;
    },

    async compare(baselineId: string, ids: readonly string[]): Promise<Result<ResponseOf<'compareOffers'>, ApiErrorCode>> {
      if (new Set(ids).size !== ids.length) return err('duplicate_compared_with', 'each offer is listed once');
      const base = await loadOffer(baselineId);
      if (!base.ok) return base;
      const others = [];
      for (const id of ids) {
        const o = await loadOffer(id);
        if (!o.ok) return o;
        others.push(o.value);
      }
      const comparison = compareOffers(base.value.offer, others.map((o) => o.offer));
      return ok({ baseline: entry(base.value.stored, base.value.offer), offers: others.map((o) => entry(o.stored, o.offer)), comparison: asWire<ResponseOf<'compareOffers'>['comparison']>(comparison) });
    },

    async addDocument(contractId: string, body: { id: string; name: string; offerId?: string | undefined; contentBase64: string }): Promise<Result<ResponseOf<'addDocument'>, ApiErrorCode>> {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body.contentBase64) || body.contentBase64.length % 4 !== 0) return err('invalid_base64', 'contentBase64 is not base64');
      const bytes = new Uint8Array(Buffer.from(body.contentBase64, 'base64'));
      const sniffed = sniffDocument(bytes);
      if (!sniffed.ok) return sniffed;
      const name = toDocumentName(body.name);
      if (!name.ok) return name;
      const document = { id: body.id, contractId, name: name.value, bytes, ...sniffed.value };
      // An offer's document goes into the offer itself (its digest), in the same transaction.
      const added = body.offerId === undefined ? await store.bargaining.addDocument({ ...document, offerId: null }) : await attachOfferDocument(store, { ...document, offerId: body.offerId });
      return added.ok ? ok(added.value) : added;
    },

    async getDocument(id: string): Promise<Result<StoredDocument, ApiErrorCode>> {
      const d = await store.bargaining.getDocument(id);
      return d === null ? err('document_not_found', id) : ok(d);
    },

    /** Removes a document; an offer's leaves its list too, refused while the offer is bound (offer-records.ts). */
    async deleteDocument(id: string): Promise<Result<ResponseOf<'deleteDocument'>, ApiErrorCode>> {
      const r = await removeDocument(store, id);
      return r.ok ? ok({ deleted: true as const }) : r;
    },

    /** The offer a vote ratifies, checked against the manifest's digest, with its comparison. */
    async voteOffer(voteId: string): Promise<Result<ResponseOf<'voteOffer'>, ApiErrorCode>> {
      const bound = await boundReference(voteId);
      if (!bound.ok) return bound;
      const reference = bound.value;
      const loaded = await loadOffer(reference.id);
      if (!loaded.ok) return loaded;
      const { offer } = loaded.value;
      const contract = await store.bargaining.getContract(offer.contractId);
      if (contract === null) return err('internal_error', `offer ${offer.id} without its contract`);
      const compared: Offer[] = [];
      for (const id of offer.comparedWith ?? []) {
        const o = await loadOffer(id);
        if (!o.ok) return o;
        compared.push(o.value.offer);
      }
      const sessions = (await store.bargaining.listBargainingSessions(contract.id)).map(toSession);
      return ok({
        voteId,
        reference: { id: reference.id, title: reference.title, digest: reference.digest },
        offer: asWire<ResponseOf<'voteOffer'>['offer']>(offer),
        digestMatches: offerDigest(offer) === reference.digest,
        contract: { id: contract.id, title: contract.title, parties: [...contract.parties], expiryDate: contract.expiryDate, status: contract.status, formalNegotiationDays: formalNegotiationDays(sessions) },
        comparedWith: asWire<ResponseOf<'voteOffer'>['comparedWith']>(compared),
        comparison: asWire<ResponseOf<'voteOffer'>['comparison']>(compareOffers(offer, compared)),
        // Exactly the documents the offer object lists (what its digest commits to).
        documents: [...(offer.documents ?? [])],
      });
    },

    /**
     * A document of the offer a vote ratifies, for anyone: only one the offer object lists, and only
     * while the stored offer is the one the manifest signed (its digest) and the bytes are the ones
     * it lists (SHA-256, size). Any other document is not found here, so this public route never
     * reaches the staff-only documents of a contract or its other offers.
     */
    async voteOfferDocument(voteId: string, documentId: string): Promise<Result<StoredDocument, ApiErrorCode>> {
      const bound = await boundReference(voteId);
      if (!bound.ok) return bound;
      const loaded = await loadOffer(bound.value.id);
      if (!loaded.ok) return loaded;
      if (offerDigest(loaded.value.offer) !== bound.value.digest) return err('stored_offer_mismatch', bound.value.id);
      return listedDocument(store, loaded.value.offer, documentId);
    },
  };
}

export type BargainingService = ReturnType<typeof createBargainingService>;
