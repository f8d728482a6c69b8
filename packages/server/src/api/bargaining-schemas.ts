// The bargaining tracker's API shapes (docs/bargaining.md). Browser-safe: zod only. These are the
// wire shapes; the server checks every value again with the protocol's schemas and invariants
// (@ratify/protocol/bargaining) before anything is stored, and maps failures to the codes below.
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected a lower-case slug');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const contractIdParamsSchema = z.strictObject({ id: slug });
export const offerIdParamsSchema = z.strictObject({ id: slug });
export const documentIdParamsSchema = z.strictObject({ id: slug });
export const sessionParamsSchema = z.strictObject({ id: slug, sessionId: slug });

export const CONTRACT_STATUS_VALUES = [
  'in_force', 'expired', 'working_without_contract', 'final_offer', 'tentative_agreement', 'ratified', 'rejected', 'strike', 'lockout',
] as const;

export const contractBodySchema = z.strictObject({
  id: slug,
  title: z.string(),
  parties: z.array(z.string()).max(8),
  coveredUnit: z.string(),
  effectiveDate: day,
  expiryDate: day,
  status: z.enum(CONTRACT_STATUS_VALUES),
});
export const contractUpdateBodySchema = contractBodySchema.omit({ id: true, status: true });
export const statusChangeBodySchema = z.strictObject({
  to: z.enum(CONTRACT_STATUS_VALUES),
  /** The status the administrator saw (compare and set: refused with status_conflict if it changed). */
  from: z.enum(CONTRACT_STATUS_VALUES),
  onDate: day,
  note: z.string().max(1000).optional(),
});
export const sessionBodySchema = z.strictObject({
  id: slug,
  date: day,
  endDate: day.optional(),
  kind: z.enum(['formal', 'informal']),
  notes: z.string().max(4000).optional(),
});

export const termValueSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), basisPoints: z.int() }),
  z.strictObject({ kind: z.literal('money'), currency: z.string(), minorUnits: z.int() }),
  z.strictObject({ kind: z.literal('date'), date: z.string() }),
  z.strictObject({ kind: z.literal('text'), text: z.string() }),
  z.strictObject({ kind: z.literal('integer'), value: z.int(), unit: z.string().optional() }),
  z.strictObject({ kind: z.literal('boolean'), value: z.boolean() }),
]);
export const termSchema = z.strictObject({
  key: z.string(),
  label: z.string(),
  value: termValueSchema,
  direction: z.enum(['higher_is_better', 'lower_is_better', 'none']),
  note: z.string().optional(),
});
export const offerBodySchema = z.strictObject({
  id: slug,
  kind: z.enum(['proposal', 'offer', 'agreement']),
  title: z.string(),
  madeBy: z.string(),
  madeOn: day,
  finalOffer: z.boolean(),
  summary: z.string().optional(),
  terms: z.array(termSchema).max(200),
  comparedWith: z.array(z.string()).max(8).optional(),
});
export const offerUpdateBodySchema = offerBodySchema.omit({ id: true });
export const finalOfferBodySchema = z.strictObject({ finalOffer: z.boolean() });
export const documentBodySchema = z.strictObject({
  id: slug,
  name: z.string().trim().min(1).max(200),
  offerId: slug.optional(),
  /** The file's bytes, base64. Its type is sniffed from the bytes: PDF (`%PDF-`) or UTF-8 Markdown. */
  contentBase64: z.string().max(3 * 1024 * 1024),
});
export const compareQuerySchema = z.strictObject({
  baseline: slug,
  /** Comma-separated offer ids. */
  offers: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}(,[a-z0-9][a-z0-9_-]{0,63}){0,7}$/, 'expected 1–8 comma-separated offer ids'),
});

export const contractSchema = contractBodySchema.extend({ createdAt: z.string(), updatedAt: z.string() });
export const contractSummarySchema = contractSchema.extend({ formalNegotiationDays: z.int(), offers: z.int(), finalOfferId: z.string().nullable() });
export const contractListSchema = z.object({ contracts: z.array(contractSummarySchema) });
export const statusEventSchema = z.object({ seq: z.int(), from: z.string(), to: z.string(), onDate: z.string(), note: z.string().nullable(), at: z.string() });
export const sessionSchema = z.object({
  id: z.string(), contractId: z.string(), date: z.string(), endDate: z.string().optional(), kind: z.enum(['formal', 'informal']), notes: z.string().optional(),
});
/** A document as an offer lists it (docs/protocol.md §M3.1): covered by the offer's digest. */
export const offerDocumentSchema = z.object({ id: z.string(), name: z.string(), contentType: z.string(), size: z.int(), sha256: z.string() });
/** An offer as stored: its documents are listed only when it has some (they are attached through the documents route). */
export const offerSchema = offerBodySchema.extend({
  version: z.string(), contractId: z.string(), id: z.string(), comparedWith: z.array(z.string()).optional(), documents: z.array(offerDocumentSchema).optional(),
});
/** An offer with its digest (lowercase hex SHA-256 of its canonical JSON). */
export const offerEntrySchema = z.object({ offer: offerSchema, digest: z.string(), createdAt: z.string(), updatedAt: z.string() });
export const offerListSchema = z.object({ offers: z.array(offerEntrySchema) });
export const documentMetaSchema = z.object({
  id: z.string(), contractId: z.string(), offerId: z.string().nullable(), name: z.string(), contentType: z.string(), size: z.int(), sha256: z.string(), createdAt: z.string(),
});
/**
 * An offer on its contract's page, with what keeps it from being removed (docs/bargaining.md,
 * "Removing an offer or a document"), so the page offers "Remove" only where the server allows it.
 */
export const contractOfferSchema = offerEntrySchema.extend({
  /** A draft or a vote binds it (by its digest): it, its mark and its documents can no longer change. */
  bound: z.boolean(),
  /** The offers, of any contract, whose `comparedWith` lists it. */
  comparedBy: z.array(z.string()),
});
export const voteOfferDocumentParamsSchema = z.strictObject({ id: slug, documentId: slug });
export const contractDetailSchema = z.object({
  contract: contractSchema,
  /** Distinct calendar days covered by at least one formal session (docs/bargaining.md). */
  formalNegotiationDays: z.int(),
  statusHistory: z.array(statusEventSchema),
  sessions: z.array(sessionSchema),
  offers: z.array(contractOfferSchema),
  documents: z.array(documentMetaSchema),
});
export const statusChangedSchema = z.object({ contract: contractSchema, event: statusEventSchema });
export const deletedSchema = z.object({ deleted: z.literal(true) });

export const VERDICT_VALUES = [
  'equal', 'better', 'worse', 'different', 'missing_in_baseline', 'missing_in_offer', 'type_mismatch', 'currency_mismatch', 'unit_mismatch', 'direction_mismatch',
] as const;
export const comparisonSchema = z.object({
  baselineId: z.string(),
  offerIds: z.array(z.string()),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      baseline: termSchema.optional(),
      cells: z.array(z.object({ offerId: z.string(), term: termSchema.optional(), verdict: z.enum(VERDICT_VALUES).optional() })),
    }),
  ),
  counts: z.array(z.record(z.enum(VERDICT_VALUES), z.int())),
});
export const offerComparisonSchema = z.object({ baseline: offerEntrySchema, offers: z.array(offerEntrySchema), comparison: comparisonSchema });

/** What members see for a vote's offer: the offer, whether it matches the manifest's digest, and its comparison. */
export const voteOfferSchema = z.object({
  voteId: z.string(),
  /** The reference signed into the manifest (information.offer). */
  reference: z.object({ id: z.string(), title: z.string(), digest: z.string() }),
  offer: offerSchema,
  /** The stored offer's digest equals the manifest's (the server checks; the booth checks again). */
  digestMatches: z.boolean(),
  contract: z.object({ id: z.string(), title: z.string(), parties: z.array(z.string()), expiryDate: z.string(), status: z.string(), formalNegotiationDays: z.int() }),
  /** The offers named in the offer's comparedWith, in that order. */
  comparedWith: z.array(offerSchema),
  /** The vote's offer as the baseline, each compared offer as a column. */
  comparison: comparisonSchema,
  /** The documents the offer lists (`offer.documents`, by id; empty when it lists none): what its digest commits to. */
  documents: z.array(offerDocumentSchema),
});

/** The media types a stored document is served as (its type is sniffed from the bytes on upload). */
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'text/markdown'] as const;

/** Not JSON: the document's bytes, with the stored content type (the client does not call this; browsers follow a link). */
export const documentBytesSchema = z.string().describe('the document bytes (application/pdf or text/markdown)');
