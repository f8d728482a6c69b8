// Stored offers as the server reads and changes them (docs/bargaining.md): parsed again at this
// edge, locked once a draft or a vote binds them, and the documents they list. Attaching a document
// to an offer adds its bytes and rewrites the offer's canonical JSON (its `documents` list, so its
// digest) in one transaction, refused while a draft or vote binds the offer; removing one is the
// twin (same lock, same transaction). Removing an offer takes its documents with it, refused while
// a draft or vote binds it or another offer lists it in `comparedWith`. Serving a document of the
// offer a vote ratifies checks the bytes against the SHA-256 that offer lists. Used by the
// bargaining service and the demo seed. Must not know HTTP.
import { err, ok, type Result } from '@ratify/crypto';
import {
  checkOfferDocumentBytes, MAX_OFFER_DOCUMENTS, parseWireOffer, toWireOffer, withOfferDocuments, type DocumentContentType, type Offer, type OfferDocument,
} from '@ratify/protocol/bargaining';
import type { NewDocument, Store, StoredDocument, StoredDocumentMeta, StoredOffer } from '@ratify/storage';
import type { ApiErrorCode } from '../http/errors.ts';

/** The stored offer parsed again at this edge (it was checked on the way in). */
export function readOffer(stored: StoredOffer): Result<Offer, 'internal_error'> {
  const o = parseWireOffer(stored.offer);
  return o.ok ? o : err('internal_error', `stored offer ${stored.id} unreadable: ${o.error}`);
}

/** The offer ids a draft definition or a manifest (JSON text) binds. */
function boundBy(json: string): readonly string[] {
  try {
    const v = JSON.parse(json) as { linkedOfferId?: unknown; information?: { offer?: { id?: unknown } } };
    return [v.linkedOfferId, v.information?.offer?.id].filter((id): id is string => typeof id === 'string');
  } catch {
    return [];
  }
}

/** Every offer a draft or a vote binds (so it, its mark and its documents can no longer change). */
export async function boundOfferIds(store: Store): Promise<ReadonlySet<string>> {
  const ids = new Set<string>();
  for (const d of await store.drafts.listDrafts()) for (const id of boundBy(d.definition)) ids.add(id);
  for (const v of await store.votes.listVotes()) for (const id of boundBy(v.manifest)) ids.add(id);
  return ids;
}

/** Is the offer bound by a draft or a vote (so it, its mark and its documents can no longer change)? */
export async function offerInUse(store: Store, offerId: string): Promise<boolean> {
  return (await boundOfferIds(store)).has(offerId);
}

/** For each offer some other offer (of any contract) lists in `comparedWith`: those offers' ids. */
export async function comparedByIndex(store: Store): Promise<Result<ReadonlyMap<string, readonly string[]>, 'internal_error'>> {
  const index = new Map<string, string[]>();
  for (const stored of await store.bargaining.listOffers()) {
    const o = readOffer(stored);
    if (!o.ok) return o;
    for (const other of o.value.comparedWith ?? []) index.set(other, [...(index.get(other) ?? []), o.value.id]);
  }
  return ok(index);
}

/** A stored document as its offer lists it. Storage holds what the upload's sniffing found. */
function entryOf(d: StoredDocumentMeta): OfferDocument {
  return { id: d.id, name: d.name, contentType: d.contentType as DocumentContentType, size: d.size, sha256: d.sha256 };
}

/**
 * The offer listing exactly the documents attached to it in storage (the one source of truth for
 * which documents an offer has). A stored entry that fails the protocol's checks is our bug.
 */
export async function withStoredDocuments(store: Store, offer: Offer): Promise<Result<Offer, ApiErrorCode>> {
  const entries = (await store.bargaining.listDocuments(offer.contractId)).filter((d) => d.offerId === offer.id).map(entryOf);
  if (entries.length > MAX_OFFER_DOCUMENTS) return err('too_many_documents', `an offer lists at most ${MAX_OFFER_DOCUMENTS} documents`);
  const listed = withOfferDocuments(offer, entries);
  return listed.ok ? listed : err('internal_error', `offer ${offer.id} with its documents: ${listed.error} ${listed.detail ?? ''}`);
}

/**
 * Rewrites the offer's canonical JSON to list exactly the documents stored for it now (the caller
 * has checked, in its transaction, that no draft or vote binds it).
 */
async function relistDocuments(tx: Store, offerId: string): Promise<Result<StoredOffer, ApiErrorCode>> {
  const stored = await tx.bargaining.getOffer(offerId);
  if (stored === null) return err('offer_not_found', offerId);
  const offer = readOffer(stored);
  if (!offer.ok) return offer;
  const listed = await withStoredDocuments(tx, offer.value);
  if (!listed.ok) return listed;
  return tx.bargaining.updateOffer({ id: stored.id, contractId: stored.contractId, finalOffer: stored.finalOffer, offer: toWireOffer(listed.value) });
}

/**
 * Attaches a document to an offer: stores it and rewrites the offer's canonical JSON to list it,
 * in one transaction (a refusal or a throw leaves neither). Refused with `offer_in_use` while a
 * draft or a vote binds the offer, as editing it is: its digest is signed.
 */
export async function attachOfferDocument(store: Store, document: NewDocument & { readonly offerId: string }): Promise<Result<StoredDocumentMeta, ApiErrorCode>> {
  return store.transaction<StoredDocumentMeta, ApiErrorCode>(async (tx) => {
    if (await offerInUse(tx, document.offerId)) return err('offer_in_use', `${document.offerId} is bound to a draft or vote; its documents can no longer change`);
    const added = await tx.bargaining.addDocument(document);
    if (!added.ok) return added;
    const relisted = await relistDocuments(tx, document.offerId);
    return relisted.ok ? ok(added.value) : relisted;
  });
}

/**
 * Removes a document. An offer's document also leaves the offer's `documents` list (so the offer's
 * digest changes), in the same transaction, and is refused with `offer_in_use` while a draft or a
 * vote binds the offer — as attaching one is: its digest, and so the document's SHA-256, is signed.
 * A contract's own document is in no offer and no digest.
 */
export async function removeDocument(store: Store, documentId: string): Promise<Result<true, ApiErrorCode>> {
  return store.transaction<true, ApiErrorCode>(async (tx) => {
    const document = await tx.bargaining.getDocument(documentId);
    if (document === null) return err('document_not_found', documentId);
    const { offerId } = document;
    if (offerId === null) return tx.bargaining.deleteDocument(documentId);
    if (await offerInUse(tx, offerId)) return err('offer_in_use', `${offerId} is bound to a draft or vote; its documents can no longer change`);
    const removed = await tx.bargaining.deleteDocument(documentId);
    if (!removed.ok) return removed;
    const relisted = await relistDocuments(tx, offerId);
    return relisted.ok ? ok(true) : relisted;
  });
}

/**
 * Removes an offer, its documents and its final mark, in one transaction. Refused with
 * `offer_in_use` while a draft or a vote binds it (its digest is signed), and with
 * `offer_referenced` while another offer lists it in `comparedWith` (that offer's comparison, and
 * its digest, name it: the administrator edits that offer first, which is itself refused if bound).
 */
export async function removeOffer(store: Store, offerId: string): Promise<Result<true, ApiErrorCode>> {
  return store.transaction<true, ApiErrorCode>(async (tx) => {
    if ((await tx.bargaining.getOffer(offerId)) === null) return err('offer_not_found', offerId);
    if (await offerInUse(tx, offerId)) return err('offer_in_use', `${offerId} is bound to a draft or vote`);
    const index = await comparedByIndex(tx);
    if (!index.ok) return index;
    const by = index.value.get(offerId) ?? [];
    if (by.length > 0) return err('offer_referenced', `${by.join(', ')} ${by.length === 1 ? 'is' : 'are'} compared with ${offerId}`);
    return tx.bargaining.deleteOffer(offerId);
  });
}

/**
 * The bytes of a document the offer lists, served only if they are exactly the listed ones (size
 * and SHA-256): the chain manifest → offer digest → offer → document SHA-256 → bytes holds for
 * whatever leaves. Served under the listed name and type. Not listed: `document_not_found`.
 */
export async function listedDocument(store: Store, offer: Offer, documentId: string): Promise<Result<StoredDocument, ApiErrorCode>> {
  const entry = (offer.documents ?? []).find((d) => d.id === documentId);
  if (entry === undefined) return err('document_not_found', documentId);
  const stored = await store.bargaining.getDocument(documentId);
  if (stored === null) return err('document_digest_mismatch', `${documentId} is listed but not stored`);
  if (!checkOfferDocumentBytes(entry, stored.bytes)) return err('document_digest_mismatch', documentId);
  return ok({ ...stored, name: entry.name, contentType: entry.contentType, size: entry.size, sha256: entry.sha256 });
}
