// The admin console's and trustee pages' data shapes (rolls, drafts, the key-ceremony relay, the
// trustees' tally step, turnout dashboards) as zod schemas. Browser-safe: imports zod only. Deep
// checks of a draft (rules, questions, schedule) are the protocol's (manifest.ts), run by the
// server; these schemas bound sizes and shapes so the OpenAPI document says what to send.
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected a lower-case slug');
export const unionIdParamsSchema = z.strictObject({ id: slug });
export const draftIdParamsSchema = z.strictObject({ id: slug });

// --- Unions and rolls ---
export const createUnionBodySchema = z.strictObject({ id: slug, name: z.string().trim().min(1).max(200) });
export const unionSchema = z.object({ id: z.string(), name: z.string() });
export const unionListSchema = z.object({
  unions: z.array(unionSchema.extend({ members: z.int(), eligible: z.int() })),
});

/** A roll file as text (UTF-8 CSV: member_number, name, email, good_standing[, unit]). */
export const rollUploadBodySchema = z.strictObject({ csv: z.string().min(1).max(64 * 1024 * 1024) });
/**
 * `confirmRemovals`: the number of members the import removes or disqualifies, as the preview
 * counted them and the administrator typed it; required (and must match) when that number is not 0.
 */
export const rollImportBodySchema = z.strictObject({ csv: z.string().min(1).max(64 * 1024 * 1024), confirmRemovals: z.int().min(0).optional() });
export const rollIssueSchema = z.object({
  code: z.string(),
  /** 1-based physical line where the record starts; null for whole-file problems. */
  line: z.int().nullable(),
  column: z.string().nullable(),
  relatedLine: z.int().nullable(),
  message: z.string(),
});
export const dualMemberSchema = z.object({
  email: z.string(),
  memberNumber: z.string(),
  /** The same person on other unions' rolls (one ballot per union). */
  otherUnions: z.array(z.object({ unionId: z.string(), memberNumber: z.string() })),
});
export const rollPreviewSchema = z.object({
  unionId: z.string(),
  valid: z.boolean(),
  rows: z.int(),
  eligible: z.int(),
  notInGoodStanding: z.int(),
  units: z.array(z.object({ unit: z.string().nullable(), rows: z.int() })),
  /**
   * Against the union's current roll: `removed` members are not in the file; `disqualified` members
   * are kept but lose good standing (so their eligibility) — both need a typed confirmation to import.
   */
  changes: z.object({ added: z.int(), kept: z.int(), removed: z.int(), disqualified: z.int() }),
  dualMembers: z.array(dualMemberSchema),
  /** Member numbers of this file that share one email address (a typo, or a household): each gets mail there. */
  sharedEmails: z.array(z.object({ email: z.string(), memberNumbers: z.array(z.string()) })),
  /** The first rows as parsed (up to 20), for the administrator to eyeball. */
  sample: z.array(z.object({ memberNumber: z.string(), name: z.string(), email: z.string(), goodStanding: z.boolean(), unit: z.string().nullable() })),
  /** Every problem found (bounded), each with its line and column. */
  issues: z.array(rollIssueSchema),
});
export const rollImportSchema = z.object({
  unionId: z.string(),
  added: z.int(),
  kept: z.int(),
  removed: z.int(),
  disqualified: z.int(),
  eligible: z.int(),
  dualMembers: z.int(),
});

export const rollAmendmentBodySchema = z.strictObject({
  kind: z.enum(['added', 'removed', 'challenged']),
  memberNumber: z.string().trim().min(1).max(64),
  reason: z.string().trim().min(1).max(1000),
});
export const rollEventSchema = z.object({
  voteId: z.string(),
  seq: z.int(),
  kind: z.enum(['added', 'removed', 'challenged']),
  memberNumber: z.string(),
  reason: z.string(),
  at: z.string(),
  /** Who amended (the audit log's actor: `staff:<username>` or `ops-token`); null if the log has no entry for it. */
  by: z.string().nullable(),
});
export const rollEventListSchema = z.object({ voteId: z.string(), frozenCount: z.int(), eligible: z.int(), events: z.array(rollEventSchema) });

// --- Drafts (a VoteDefinition: the manifest without what the ceremony and the roll determine) ---
const objectList = z.array(z.object({}).catchall(z.unknown()));
export const draftTrusteeSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** The staff username (role trustee) who holds this trustee slot; not part of the manifest. */
  account: z.string().trim().toLowerCase().min(1).max(64).optional(),
});
export const draftDefinitionSchema = z.strictObject({
  voteId: slug,
  title: z.string(),
  unionId: slug,
  /** Defaults to the union's name. */
  unionName: z.string().optional(),
  recordDate: z.string(),
  schedule: z.strictObject({ opensAt: z.string(), closesAt: z.string() }),
  /** yes_no / choose questions with their rules (protocol manifest.ts, rules.ts). */
  questions: objectList.min(1).max(64),
  trustees: z.strictObject({ threshold: z.int(), members: z.array(draftTrusteeSchema).min(1).max(64) }),
  revotePolicy: z.enum(['last_counts', 'first_counts']).optional(),
  linkedOfferId: z.string().optional(),
  /** What the vote decides (protocol manifest `purpose`); absent: read from the questions. */
  purpose: z.string().optional(),
  followUps: objectList.max(64).optional(),
  /** The offer summary and the official pro/con statements shown in the booth. */
  information: z
    .strictObject({
      summary: z.string(),
      statements: objectList.max(8),
      /** The offer this vote ratifies, bound by digest (docs/bargaining.md); its id must equal linkedOfferId. */
      offer: z.strictObject({ id: z.string(), title: z.string(), digest: z.string() }).optional(),
    })
    .optional(),
  /**
   * The election committee's offline credential authority (`ratify credentials authority init`):
   * its public key. Absent: the server is the credential authority (server mode, decision 0006/0017).
   */
  credentialAuthority: z.strictObject({ mode: z.literal('offline'), publicKey: z.string() }).optional(),
});
export type DraftDefinitionInput = z.infer<typeof draftDefinitionSchema>;

/** `limit`: for too_small / too_big, the size the field must reach or stay within (characters, items or value). */
export const draftIssueSchema = z.object({ field: z.string(), code: z.string(), message: z.string(), limit: z.number().optional() });
export const draftValidationSchema = z.object({ valid: z.boolean(), issues: z.array(draftIssueSchema) });

export const ceremonyStepsSchema = z.object({
  index: z.int(),
  id: z.string(),
  name: z.string(),
  account: z.string().nullable(),
  commitments: z.boolean(),
  shares: z.boolean(),
  confirmation: z.boolean(),
  complaints: z.array(z.int()),
  reveals: z.array(z.int()),
});
export const ceremonyStatusSchema = z.object({
  draftId: z.string(),
  /** The ceremony context (hex) every proof is bound to. */
  context: z.string(),
  threshold: z.int(),
  trusteeCount: z.int(),
  /** checkCeremony's verdict: awaiting_commitments, awaiting_shares, awaiting_reveals, awaiting_confirmations, complete, failed. */
  status: z.string(),
  /** When failed: which trustee, what. */
  problems: z.array(z.object({ trustee: z.int(), code: z.string(), message: z.string() })),
  trustees: z.array(ceremonyStepsSchema),
  /** The signed-in trustee's index in this ceremony (null for administrators). */
  you: z.int().nullable(),
  messages: z.int(),
  /** The vote, once created from the draft. */
  voteCreated: z.boolean(),
});
export const draftSchema = z.object({
  id: z.string(),
  unionId: z.string(),
  status: z.enum(['ceremony', 'created']),
  createdAt: z.string(),
  definition: draftDefinitionSchema,
  ceremony: z.object({ status: z.string(), messages: z.int() }),
});
export const draftListSchema = z.object({ drafts: z.array(draftSchema) });
export const createdVoteSchema = z.object({
  voteId: z.string(),
  status: z.literal('draft'),
  eligibleCount: z.int(),
  fingerprint: z.string(),
  schedule: z.object({ opensAt: z.string(), closesAt: z.string() }),
});

export const ceremonyMessageReceiptSchema = z.object({
  draftId: z.string(),
  seq: z.int(),
  kind: z.string(),
  trustee: z.int(),
  status: z.string(),
});
export const ceremonyMessageListSchema = z.object({
  draftId: z.string(),
  /** Each message's canonical JSON text (parse with protocol's parseWireCeremonyMessage), in order of receipt. */
  messages: z.array(z.object({ seq: z.int(), kind: z.string(), trustee: z.int(), message: z.string() })),
});

// --- After the close: the trustees' step ---
export const trusteeTallySchema = z.object({
  voteId: z.string(),
  status: z.string(),
  /** The manifest's canonical JSON text. */
  manifest: z.string(),
  fingerprint: z.string(),
  /** The encrypted tally's canonical JSON text (protocol parseWireEncryptedTally). */
  tally: z.string(),
  threshold: z.int(),
  you: z.int(),
  received: z.array(z.int()),
});
export const trusteeDecryptionReceiptSchema = z.object({
  voteId: z.string(),
  trustee: z.int(),
  received: z.int(),
  threshold: z.int(),
  /** true once k valid shares were combined and the result published. */
  published: z.boolean(),
});

// --- Turnout (counts only) and who has voted (administrators only) ---
export const turnoutDashboardSchema = z.object({
  voteId: z.string(),
  status: z.string(),
  title: z.string(),
  union: z.object({ id: z.string(), name: z.string() }),
  schedule: z.object({ opensAt: z.string(), closesAt: z.string() }),
  /** Eligible entries on the roll now (amendments included). */
  eligible: z.int(),
  /** Members with a counted ballot under a credential issued to them (decision 0018). */
  voted: z.int(),
  ballotsAccepted: z.int(),
  ballotsCounted: z.int(),
  /** Accepted ballots per hour of receipt, and the running total. */
  hourly: z.array(z.object({ hour: z.string(), ballots: z.int(), cumulative: z.int() })),
  units: z.array(z.object({ unit: z.string().nullable(), eligible: z.int(), voted: z.int() })),
  /** Public credentials published for the vote (0: the credentials have not been issued). */
  credentialsIssued: z.int(),
  /** Reminder runs: when the last one was queued (null: never), how many it queued, how many in all. */
  reminders: z.object({ last: z.string().nullable(), lastCount: z.int(), total: z.int() }),
  /** The result email was queued (it is sent once). */
  resultAnnounced: z.boolean(),
});
export const voterListSchema = z.object({
  voteId: z.string(),
  voters: z.array(z.object({ memberNumber: z.string(), name: z.string().nullable(), unit: z.string().nullable() })),
});

export const trusteeDraftListSchema = z.object({
  drafts: z.array(z.object({ draftId: z.string(), title: z.string(), status: z.enum(['ceremony', 'created']), you: z.int() })),
});

/** What validateDraft takes: any JSON object, so every problem (shape ones too) is listed by field. */
export const draftValidateBodySchema = z.object({}).catchall(z.unknown());
