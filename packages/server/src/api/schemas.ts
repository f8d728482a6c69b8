// The HTTP API's data shapes as zod schemas: the single source for request validation on the
// server, response validation in the typed client, and the OpenAPI document. Browser-safe: imports
// zod only (never node:, the engine or the store), so packages/web and the CLI can use it.
import { z } from 'zod';

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected a lower-case slug');
export const voteIdParamsSchema = z.strictObject({ id: slug });

export const voteStatusSchema = z.enum(['draft', 'open', 'closed', 'tallied', 'published']);
export const scheduleSchema = z.object({ opensAt: z.string(), closesAt: z.string() });

export const healthSchema = z.object({ status: z.literal('ok'), time: z.string() });

export const voteSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  unionId: z.string(),
  unionName: z.string(),
  status: voteStatusSchema,
  schedule: scheduleSchema,
});
export const voteListSchema = z.object({ votes: z.array(voteSummarySchema) });

const ruleTextSchema = z.object({ kind: z.string(), en: z.string(), es: z.string() });
export const voteDetailSchema = voteSummarySchema.extend({
  recordDate: z.string(),
  eligibleCount: z.int(),
  revotePolicy: z.enum(['last_counts', 'first_counts']),
  fingerprint: z.string(),
  questions: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['yes_no', 'choose']),
      text: z.string(),
      options: z.array(z.object({ id: z.string(), text: z.string() })),
      min: z.int(),
      max: z.int(),
      blankAllowed: z.boolean(),
      rule: ruleTextSchema,
    }),
  ),
  trustees: z.object({ threshold: z.int(), members: z.array(z.object({ id: z.string(), name: z.string() })) }),
  /** The channels (protocol §M8) and the precedence rule in words; online only when the manifest declares none. */
  channels: z.object({ accepted: z.array(z.enum(['online', 'mail'])), precedence: z.enum(['first_received', 'online_counts']).nullable(), en: z.string(), es: z.string() }),
  /** The manifest's canonical JSON text, byte for byte. */
  manifest: z.string(),
});

const hexPrefix = z.string().regex(/^[0-9a-f]{1,64}$/, 'expected lower-case hex');
const intText = (max: number) => z.coerce.number().int().min(0).max(max);
export const boardQuerySchema = z.strictObject({
  q: hexPrefix.optional(),
  from: intText(Number.MAX_SAFE_INTEGER).optional(),
  limit: intText(1000).optional(),
});
export const boardSchema = z.object({
  voteId: z.string(),
  head: z.object({ seq: z.int(), hash: z.string() }).nullable(),
  ballots: z.array(z.object({ sequence: z.int(), trackingCode: z.string(), counted: z.boolean() })),
  /** The `from` of the next page, or null at the end. */
  next: z.int().nullable(),
});

export const turnoutSchema = z.object({
  voteId: z.string(),
  status: voteStatusSchema,
  eligible: z.int(),
  ballotsCounted: z.int(),
});

const outcomeSchema = z.object({ kind: z.string() }).catchall(z.unknown());
export const electionResultSchema = z.object({
  voteId: z.string(),
  turnout: z.object({ eligible: z.int(), voted: z.int() }),
  questions: z.array(
    z.object({
      questionId: z.string(),
      counts: z.object({ options: z.array(z.int()), blank: z.int() }),
      evaluation: z.object({ outcome: outcomeSchema, checks: z.array(z.object({ kind: z.string() }).catchall(z.unknown())) }),
    }),
  ),
  decryptedBy: z.array(z.int()),
  /** The follow-ups the outcomes triggered (protocol §M7); absent when none. */
  followUps: z
    .array(z.object({ questionId: z.string(), outcome: z.string(), declared: z.string(), kind: z.enum(['vote', 'note']), text: z.string(), title: z.string().optional() }))
    .optional(),
});
export const resultSchema = z.object({ voteId: z.string(), result: electionResultSchema, boardHead: z.string() });

export const recordSchema = z.object({
  voteId: z.string(),
  format: z.literal('ratify-record/v1'),
  /** File name → file text, exactly as docs/record-format.md specifies. */
  files: z.record(z.string(), z.string()),
});

export const ballotParamsSchema = z.object({
  voteId: z.string(),
  status: voteStatusSchema,
  /** The manifest's canonical JSON text: parse it with protocol's parseWireManifest. */
  manifest: z.string(),
  /** The election fingerprint, hex (64 bytes). */
  fingerprint: z.string(),
});

/**
 * The booth's check of a credential before it encrypts (issue 16): the public credentials of one
 * bucket, by their first byte (two lower-case hex digits), so the server does not learn which one the
 * booth looks for (about 1/256 of the list comes back, and the list is public on the board anyway).
 */
export const credentialBucketQuerySchema = z.strictObject({ prefix: z.string().regex(/^[0-9a-f]{2}$/, 'expected two lower-case hex digits') });
export const credentialBucketSchema = z.object({
  voteId: z.string(),
  prefix: z.string(),
  /** Published and not revoked: a ballot signed by one of these is accepted. */
  active: z.array(z.string()),
  /** Published, then revoked (replaced): ballots signed by these do not count. */
  revoked: z.array(z.string()),
});

export const memberNumberSchema = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'expected a member number');
export const requestCodeBodySchema = z.strictObject({ memberNumber: memberNumberSchema });
export const requestCodeResponseSchema = z.object({ sent: z.literal(true), message: z.string() });
export const verifyCodeBodySchema = z.strictObject({
  memberNumber: memberNumberSchema,
  // 6 digits, or 12 once the member's short codes for the day are spent (decision 0019).
  code: z.string().regex(/^(?:\d{6}|\d{12})$/, 'expected the 6- or 12-digit code'),
});
export const signedInSchema = z.object({ memberNumber: z.string(), name: z.string(), expiresAt: z.string() });
export const loggedOutSchema = z.object({ signedOut: z.literal(true) });

export const memberVoteSchema = z.object({
  voteId: z.string(),
  title: z.string(),
  unionId: z.string(),
  unionName: z.string(),
  status: voteStatusSchema,
  schedule: scheduleSchema,
  /** The member number on this union's roll (a dual member has one per union). */
  memberNumber: z.string(),
  hasVoted: z.boolean(),
});
/**
 * A vote of one of the person's unions they may not cast a ballot in, and why: not in good standing
 * on the record date (so not on the frozen roll), not on the roll (joined later), removed from it by
 * an amendment, or challenged.
 */
export const cannotVoteSchema = z.object({
  voteId: z.string(),
  title: z.string(),
  unionName: z.string(),
  status: voteStatusSchema,
  recordDate: z.string(),
  reason: z.enum(['not_in_good_standing', 'not_on_roll', 'removed', 'challenged']),
});
export const meSchema = z.object({
  memberNumber: z.string(),
  name: z.string(),
  unionId: z.string(),
  votes: z.array(memberVoteSchema),
  cannotVote: z.array(cannotVoteSchema),
});

/** The member's receipt (docs/record-format.md §7): what `ratify verify --receipt` and the board page check. */
export const receiptSchema = z.object({
  format: z.literal('ratify-receipt/v1'),
  voteId: z.string(),
  fingerprint: z.string(),
  trackingCode: z.string(),
  boardSeq: z.int().nonnegative(),
  boardHash: z.string(),
});
export const castReceiptSchema = z.object({
  voteId: z.string(),
  trackingCode: z.string(),
  boardHead: z.string(),
  receipt: receiptSchema,
});

export const adminTransitionSchema = z.object({ voteId: z.string(), status: voteStatusSchema });
export const adminCloseSchema = adminTransitionSchema.extend({ ballotsCounted: z.int() });
export const partialDecryptionReceiptSchema = z.object({
  voteId: z.string(),
  trustee: z.int(),
  received: z.int(),
  threshold: z.int(),
});

export const devMailSchema = z.object({
  messages: z.array(z.object({ to: z.string(), subject: z.string(), text: z.string(), sentAt: z.string() })),
});

/** A JSON object whose exact bytes matter (ballots, partial decryptions): sent as the raw body. */
export const canonicalJsonBodySchema = z.object({}).catchall(z.unknown());

// --- Staff accounts and the audit log ---
export const staffRoleSchema = z.enum(['administrator', 'trustee', 'observer', 'campaign']);
export const staffLoginBodySchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
  totp: z.string().regex(/^\d{6}$/, 'expected the 6-digit authenticator code').optional(),
});
export const staffIdentitySchema = z.object({ id: z.string(), username: z.string(), role: staffRoleSchema });
/** The CSRF token is returned once here and must be sent as `x-csrf-token` on every staff POST. */
export const staffSignedInSchema = z.object({ staff: staffIdentitySchema, csrfToken: z.string(), expiresAt: z.string() });
/** `csrfToken`: the session's CSRF token again, so a reloaded page need not keep it anywhere. */
export const staffMeSchema = z.object({ staff: staffIdentitySchema, csrfToken: z.string(), expiresAt: z.string() });
export const auditLogQuerySchema = z.strictObject({
  voteId: slug.optional(),
  from: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  voteId: z.string().nullable(),
  details: z.string(),
});
export const auditLogSchema = z.object({ entries: z.array(auditEntrySchema) });

// --- Notifications: credentials, reminders and results by email ---
const hex32 = z.string().trim().toLowerCase().regex(/^[0-9a-f]{64}$/, 'expected the 64-hex-digit credential reference');
export const issueCredentialsResponseSchema = z.object({ voteId: z.string(), issued: z.int(), queued: z.int() });
/** `again`: send although reminders were sent before (refused with reminders_already_sent otherwise). */
export const remindersBodySchema = z.strictObject({ again: z.boolean().optional() });
export const remindersResponseSchema = z.object({ voteId: z.string(), queued: z.int(), alreadyVoted: z.int() });
export const replaceCredentialBodySchema = z.strictObject({
  memberNumber: memberNumberSchema,
  reason: z.string().trim().min(1).max(500),
  /**
   * Optional: the reference printed in credential emails sent before decision 0018 (the member's
   * public credential, hex). Without it the server revokes the member's own credential (private link).
   */
  credentialHandle: hex32.optional(),
});
/** Deliberately without the new public credential: the server must not hand out the member↔credential link. */
export const replaceCredentialResponseSchema = z.object({ voteId: z.string(), memberNumber: z.string(), revoked: z.string(), queued: z.int() });
const scalarHex = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits');
/** A replacement signed offline by the credential authority (`ratify credentials replace`), relayed as is. */
export const relayReplacementBodySchema = z.strictObject({
  revoked: hex32,
  added: hex32,
  authoritySignature: z.strictObject({ challenge: scalarHex, response: scalarHex }),
  reason: z.string().trim().min(1).max(500),
});
export const relayReplacementResponseSchema = z.object({ voteId: z.string(), revoked: z.string(), added: z.string() });
export const announceResultResponseSchema = z.object({ voteId: z.string(), queued: z.int() });
export const mailStatusSchema = z.object({
  voteId: z.string(),
  /** Counts per message kind and delivery status (no recipients, no bodies). */
  counts: z.array(z.object({ kind: z.string(), status: z.string(), count: z.int() })),
  /** Messages that failed or bounced, with the reason the SMTP server gave. */
  problems: z.array(z.object({ id: z.string(), kind: z.string(), memberNumber: z.string().nullable(), status: z.string(), reason: z.string().nullable(), attempts: z.int() })),
  /**
   * Delivery so far: every message of the vote, sent, still to send, not delivered (failed or
   * bounced); the send rate; and the minutes left until this vote's last pending message is sent
   * (counting what other votes queued before it; 0 when nothing is pending).
   */
  progress: z.object({ total: z.int(), sent: z.int(), pending: z.int(), notDelivered: z.int(), perMinute: z.int(), minutesLeft: z.int() }),
});
