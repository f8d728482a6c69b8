// Messages between the booth page and its crypto worker, as discriminated unions on `kind`, with
// parsers for both directions (a message is data from another realm: parsed, never trusted). The
// worker keeps the randomness of the last encryption and reveals it only on `reveal` (an audit);
// `forget` drops it once the ballot is cast. Pure. Must not hold crypto or DOM code.
import { z } from 'zod';

const id = z.int().min(0);
const hex = z.string().regex(/^[0-9a-f]+$/);

export const workerRequestSchema = z.discriminatedUnion('kind', [
  /** Parse the manifest, check the fingerprint, precompute the election key; cached per vote. */
  z.strictObject({ kind: z.literal('prepare'), id, manifest: z.string().max(1_048_576), fingerprint: hex }),
  /** Encrypt and sign with the credential; selections per question, per option, 0 or 1. */
  z.strictObject({
    kind: z.literal('encrypt'),
    id,
    voteId: z.string(),
    selections: z.array(z.array(z.union([z.literal(0), z.literal(1)])).max(256)).max(64),
    credential: z.string().max(100),
  }),
  /** The public credential of a private one for a vote (the booth looks it up before encrypting). */
  z.strictObject({ kind: z.literal('public_credential'), id, voteId: z.string(), credential: z.string().max(100) }),
  /** Reveal the last encryption's randomness (Benaloh audit); the worker then forgets it. */
  z.strictObject({ kind: z.literal('reveal'), id, trackingCode: hex }),
  /** Drop the last encryption's secrets (after casting). */
  z.strictObject({ kind: z.literal('forget'), id }),
]);
export type WorkerRequest = z.infer<typeof workerRequestSchema>;

export const WORKER_ERRORS = [
  'bad_request',
  'not_prepared',
  'invalid_manifest',
  'fingerprint_mismatch',
  'bad_credential_format',
  'bad_credential_checksum',
  'invalid_selection',
  'nothing_to_reveal',
  'internal_error',
] as const;
export type WorkerError = (typeof WORKER_ERRORS)[number];

export const workerResponseSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('prepared'), id, voteId: z.string(), fingerprint: hex, millis: z.number().min(0) }),
  z.strictObject({ kind: z.literal('encrypted'), id, ballot: z.string(), trackingCode: hex, millis: z.number().min(0) }),
  z.strictObject({ kind: z.literal('revealed'), id, auditPackage: z.string() }),
  z.strictObject({ kind: z.literal('public_credential'), id, publicCredential: hex }),
  z.strictObject({ kind: z.literal('forgotten'), id }),
  z.strictObject({ kind: z.literal('failed'), id, error: z.enum(WORKER_ERRORS), detail: z.string().optional() }),
]);
export type WorkerResponse = z.infer<typeof workerResponseSchema>;

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly detail: string };

function parseWith<T>(schema: z.ZodType<T>, data: unknown): Parsed<T> {
  const r = schema.safeParse(data);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  return { ok: false, detail: issue ? `${issue.path.join('.') || '$'}: ${issue.message}` : 'invalid message' };
}

export const parseWorkerRequest = (data: unknown): Parsed<WorkerRequest> => parseWith(workerRequestSchema, data);
export const parseWorkerResponse = (data: unknown): Parsed<WorkerResponse> => parseWith(workerResponseSchema, data);

/** The request id of any message that has one, so a malformed request can still be answered. */
export function requestIdOf(data: unknown): number {
  const maybe = typeof data === 'object' && data !== null ? (data as { id?: unknown }).id : undefined;
  return typeof maybe === 'number' && Number.isSafeInteger(maybe) && maybe >= 0 ? maybe : 0;
}
