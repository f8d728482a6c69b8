// Proposals, offers and agreements with structured terms and the documents attached to them
// (docs/bargaining.md, "Offers"), and the offer digest a vote's manifest binds (docs/protocol.md
// §M3.1): SHA-256 over the offer's canonical JSON (RFC 8785), documents' SHA-256 included. Pure.
// Must not compare offers (compare.ts) or know storage.
import { err, ok, sha256Hex, utf8, type Result } from '@ratify/crypto';
import { z } from 'zod';
import { parseCanonical, toCanonical, type CanonicalParseError, type CanonicalValue } from '../codec/canonical-json.ts';
import { offerIdSchema, type OfferId } from '../ids.ts';
import { daySchema, slugSchema, textSchema } from './common.ts';
import { offerDocumentSchema, type OfferDocument } from './document.ts';
import { termSchema, type Term } from './terms.ts';

export const OFFER_KINDS = ['proposal', 'offer', 'agreement'] as const;
/** proposal: one side's opening or counter position; offer: a package tabled for acceptance; agreement: a settled deal. */
export type OfferKind = (typeof OFFER_KINDS)[number];
export const OFFER_VERSION = 'ratify/offer/v1';
export const MAX_TERMS = 200;
export const MAX_OFFER_DOCUMENTS = 64;

export type Offer = {
  readonly version: typeof OFFER_VERSION;
  readonly id: OfferId;
  readonly contractId: string;
  readonly kind: OfferKind;
  readonly title: string;
  /** Who tabled it (a party of the contract, in words). */
  readonly madeBy: string;
  readonly madeOn: string;
  /** Marked by the administrator as the employer's last, best and final offer. */
  readonly finalOffer: boolean;
  readonly summary?: string;
  readonly terms: readonly Term[];
  /** The offers or agreements members should see this one compared with (e.g. the deal it is said to mirror). */
  readonly comparedWith?: readonly OfferId[];
  /**
   * The documents attached to this offer, sorted by id (each once), so the digest commits to each
   * one's SHA-256. Absent, never empty, when there are none: an offer without documents keeps the
   * bytes and digest it had before the field existed (docs/protocol.md §M3.1).
   */
  readonly documents?: readonly OfferDocument[];
};

export const offerSchema: z.ZodType<Offer> = z.strictObject({
  version: z.literal(OFFER_VERSION),
  id: offerIdSchema,
  contractId: slugSchema,
  kind: z.enum(OFFER_KINDS),
  title: textSchema(200),
  madeBy: textSchema(200),
  madeOn: daySchema,
  finalOffer: z.boolean(),
  summary: textSchema(8000, true).exactOptional(),
  terms: z.array(termSchema).max(MAX_TERMS),
  comparedWith: z.array(offerIdSchema).min(1).max(8).exactOptional(),
  documents: z.array(offerDocumentSchema).min(1).max(MAX_OFFER_DOCUMENTS).exactOptional(),
});

export type OfferError =
  | CanonicalParseError | 'duplicate_term_key' | 'final_offer_not_offer' | 'compared_with_self' | 'duplicate_compared_with' | 'documents_not_sorted';

/**
 * Cross-field checks: term keys are unique; only an offer (not a proposal or agreement) can be
 * final; comparedWith names other offers, once each; documents are in strictly increasing id order
 * (UTF-16 code units, as RFC 8785 orders keys), so they are unique and the canonical form is one.
 */
export function checkOffer(o: Offer): Result<Offer, OfferError> {
  const keys = o.terms.map((t) => t.key);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup !== undefined) return err('duplicate_term_key', dup);
  if (o.finalOffer && o.kind !== 'offer') return err('final_offer_not_offer', `a ${o.kind} cannot be marked as the final offer`);
  const others = o.comparedWith ?? [];
  if (others.includes(o.id)) return err('compared_with_self', 'an offer is not compared with itself');
  if (new Set(others).size !== others.length) return err('duplicate_compared_with', 'each compared offer is listed once');
  const documents = o.documents ?? [];
  for (let i = 1; i < documents.length; i++) {
    if (!(documents[i - 1]!.id < documents[i]!.id)) return err('documents_not_sorted', `documents.${i}: ${documents[i]!.id} after ${documents[i - 1]!.id} (ids strictly increasing)`);
  }
  return ok(o);
}

/** Builds an offer from plain input through the same schema and checks as `parseWireOffer`. */
export type OfferInput = Omit<Offer, 'version' | 'id' | 'comparedWith'> & { readonly id: string; readonly comparedWith?: readonly string[] };
export function createOffer(input: OfferInput): Result<Offer, OfferError> {
  const parsed = offerSchema.safeParse({ version: OFFER_VERSION, ...input });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err('schema_mismatch', issue ? `${issue.path.join('.') || '$'}: ${issue.message}` : undefined);
  }
  return checkOffer(parsed.data);
}

/**
 * The offer with exactly these documents (any order in; sorted by id out; the field left out when
 * there are none), checked like any offer. `checkOffer` is its checker.
 */
export function withOfferDocuments(offer: Offer, documents: readonly OfferDocument[]): Result<Offer, OfferError> {
  const { documents: _previous, version: _version, ...rest } = offer;
  const sorted = [...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return createOffer({ ...rest, ...(sorted.length > 0 ? { documents: sorted } : {}) });
}

/** The canonical JSON text of an offer: what is stored and digested. */
export function toWireOffer(offer: Offer): string {
  return toCanonical(offer as unknown as CanonicalValue);
}

/** Strict parse from untrusted canonical JSON: exact bytes, schema, then the checks. */
export function parseWireOffer(text: string): Result<Offer, OfferError> {
  const parsed = parseCanonical(text, offerSchema, { maxBytes: 512 * 1024 });
  return parsed.ok ? checkOffer(parsed.value) : parsed;
}

/** offer digest = lowercase hex SHA-256 of the UTF-8 canonical JSON of the offer. */
export function offerDigest(offer: Offer): string {
  return sha256Hex(utf8(toWireOffer(offer)));
}

/** Checks a claimed digest (e.g. from a manifest) against an offer. */
export function checkOfferDigest(offer: Offer, digest: string): boolean {
  return offerDigest(offer) === digest;
}
