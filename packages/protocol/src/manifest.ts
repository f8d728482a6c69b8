// The vote manifest (docs/protocol.md, "Manifest"): what is asked, of whom, when, under which rules,
// and under which trustees' joint key. It is hashed into the election fingerprint, so it is parsed
// only from exact canonical JSON and every cross-field invariant is checked here, once. The type and
// its zod schema are declared together (the schema is typed against the type, so they cannot drift).
// Pure: no I/O, no clocks. Must not evaluate outcomes (rules.ts) or compute the fingerprint.
import { err, fromHex, ok, ristretto255, type GroupElement, type Result } from '@ratify/crypto';
import { z } from 'zod';
import { parseCanonical, toCanonical, type CanonicalParseError, type ParseLimits } from './codec/canonical-json.ts';
import {
  electionIdSchema, hex32Schema, offerIdSchema, optionIdSchema, questionIdSchema, templateIdSchema, trusteeIdSchema, unionIdSchema, voteIdSchema,
  type ElectionId, type Hex32, type OfferId, type OptionId, type QuestionId, type TemplateId, type TrusteeId, type UnionId, type VoteId,
} from './ids.ts';
import { checkRule, possibleOutcomes, ruleSchema, type OutcomeKind, type Rule, type RuleError } from './rules.ts';
import { channelsSchema, checkChannels, type Channels, type ChannelsError } from './channels.ts';

export const MANIFEST_VERSION = 'ratify/v2';
/** The version a record made before protocol v2 carries; refused with a message naming both (decision 0016). */
export const PREVIOUS_PROTOCOL_VERSION = 'ratify/v1';
export type RevotePolicy = 'last_counts' | 'first_counts';

type QuestionBase = { readonly id: QuestionId; readonly text: string; readonly blankAllowed: boolean; readonly rule: Rule };
/** A yes/no question: options fixed as ["yes", "no"] (counts in that order); one selection, or blank if min is 0 or blankAllowed. */
export type YesNoQuestion = QuestionBase & { readonly kind: 'yes_no'; readonly options: readonly ['yes', 'no']; readonly min: 0 | 1; readonly max: 1 };
export type ChoiceOption = { readonly id: OptionId; readonly text: string };
/** Choose between min and max of the options (or none, if blankAllowed). */
export type ChooseQuestion = QuestionBase & { readonly kind: 'choose'; readonly options: readonly ChoiceOption[]; readonly min: number; readonly max: number };
export type Question = YesNoQuestion | ChooseQuestion;

/** A trustee and the Feldman commitments to its polynomial's k coefficients (32-byte group elements, hex). */
export type Trustee = { readonly id: TrusteeId; readonly name: string; readonly commitments: readonly Hex32[] };
export type Trustees = { readonly threshold: number; readonly members: readonly Trustee[] };
/**
 * The pre-filled definition of the vote a follow-up starts (same union): its title, questions and
 * rules. The administrator adds what only the new vote can have: ids, schedule, record date, trustees.
 */
export type FollowUpVoteTemplate = { readonly title: string; readonly questions: readonly Question[]; readonly revotePolicy?: RevotePolicy };
/**
 * What follows an outcome of a question, e.g. "if the ratification fails, a strike vote follows".
 * With `vote` it is a vote follow-up (the next vote, pre-filled); without, a note ("bargaining resumes").
 * Which follow-up an outcome triggers is follow-ups.ts's.
 */
export type FollowUp = {
  readonly questionId: QuestionId;
  readonly outcome: OutcomeKind;
  readonly text: string;
  readonly templateId?: TemplateId;
  readonly vote?: FollowUpVoteTemplate;
};
/** ISO-8601 UTC instants, exactly `YYYY-MM-DDTHH:MM:SSZ`. */
export type Schedule = { readonly opensAt: string; readonly closesAt: string };
/** The one length limit of an official statement's text, the same for every side (docs/campaigns.md). */
export const STATEMENT_MAX_LENGTH = 4000;
/** An official statement shown in the booth: one per side, equal length limits (design §2 "Campaigns"). */
export type Statement = { readonly side: 'for' | 'against'; readonly author: string; readonly text: string };
/**
 * The offer a ratification vote puts to the members, bound by digest (docs/protocol.md, "Offer
 * digest"): SHA-256 (lowercase hex) of the offer's canonical JSON, so anyone holding the offer can
 * check it is the one the vote ratifies.
 */
export type OfferReference = { readonly id: OfferId; readonly title: string; readonly digest: Hex32 };
/** What members read before voting: the official summary of the offer and the pro/con statements. */
export type BallotInformation = { readonly summary: string; readonly statements: readonly Statement[]; readonly offer?: OfferReference };

/**
 * What the vote decides (issue 16; decision 0023): the booth, the vote page and the result page word
 * the offer and the outcome after it ("the offer you are voting on" only in a ratification; "the
 * offer on the table" otherwise). Optional and additive: a manifest without it reads as
 * `inferredPurpose` says.
 */
export const VOTE_PURPOSES = ['ratification', 'strike_authorization', 'election', 'other'] as const;
export type VotePurpose = (typeof VOTE_PURPOSES)[number];

export type Manifest = {
  readonly version: typeof MANIFEST_VERSION;
  readonly voteId: VoteId;
  /**
   * 128 random bits made when the vote is created (§M3): separates this election from every other,
   * even one reusing the vote id. Enters the fingerprint, the credential secrets and the ceremony context.
   */
  readonly electionId: ElectionId;
  readonly title: string;
  /** One manifest is one union's ballot: a dual member gets one ballot per union. */
  readonly unionId: UnionId;
  readonly unionName: string;
  /** `YYYY-MM-DD`: the roll is frozen at this date. */
  readonly recordDate: string;
  readonly schedule: Schedule;
  readonly questions: readonly Question[];
  readonly trustees: Trustees;
  /** Σ of every trustee's first commitment; the ElGamal election key. */
  readonly jointPublicKey: Hex32;
  readonly revotePolicy: RevotePolicy;
  /** Roll size at the record date: the denominator of turnout and support-of-eligible floors. */
  readonly eligibleCount: number;
  readonly linkedOfferId?: OfferId;
  readonly followUps: readonly FollowUp[];
  /** Signed into the fingerprint, so what the booth showed is part of the record. */
  readonly information?: BallotInformation;
  /**
   * Who signs the credential list and every credential replacement (docs/protocol.md §B1.1):
   * `offline` — the election committee, with a key the server never sees; `server` — the server
   * itself (decision 0006), in which case the vote is not protected against ballot stuffing by the operator.
   */
  readonly credentialAuthority: { readonly mode: 'offline' | 'server'; readonly publicKey: Hex32 };
  /** What the vote decides; the words of the pages follow it (absent: `inferredPurpose`). */
  readonly purpose?: VotePurpose;
  /** Channels and precedence (§M8); absent: online only. */
  readonly channels?: Channels;
};

const hasControl = (s: string, allowNewline: boolean) => [...s].some((c) => (c < ' ' && !(allowNewline && c === '\n')) || c === '\u007f');
/** Human text: non-empty, trimmed, NFC (so equal-looking text has equal bytes), no control characters. */
const text = (max: number, allowNewline = false) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => s === s.trim() && s === s.normalize('NFC') && !hasControl(s, allowNewline), 'text must be trimmed, NFC, without control characters');

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Date is used only to check that the calendar fields are real (no 2008-02-30), never to read a clock.
const isoOf = (s: string): string | undefined => {
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
};
const instantSchema = z.string().refine((s) => INSTANT.test(s) && isoOf(s) === s.replace('Z', '.000Z'), 'expected YYYY-MM-DDTHH:MM:SSZ');
const daySchema = z.string().refine((s) => DAY.test(s) && isoOf(`${s}T00:00:00Z`) === `${s}T00:00:00.000Z`, 'expected YYYY-MM-DD');

const questionBase = { id: questionIdSchema, text: text(2000, true), blankAllowed: z.boolean(), rule: ruleSchema };
const questionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...questionBase,
    kind: z.literal('yes_no'),
    options: z.tuple([z.literal('yes'), z.literal('no')]),
    min: z.union([z.literal(0), z.literal(1)]),
    max: z.literal(1),
  }),
  z.strictObject({
    ...questionBase,
    kind: z.literal('choose'),
    options: z.array(z.strictObject({ id: optionIdSchema, text: text(500) })).min(2).max(256),
    min: z.int().min(0),
    max: z.int().min(1),
  }),
]);

const OUTCOME_KINDS = ['passed', 'failed', 'turnout_not_met', 'support_floor_not_met', 'elected', 'tie', 'no_votes'] as const satisfies readonly OutcomeKind[];

export const manifestSchema: z.ZodType<Manifest> = z.strictObject({
  version: z.literal(MANIFEST_VERSION),
  voteId: voteIdSchema,
  electionId: electionIdSchema,
  title: text(200),
  unionId: unionIdSchema,
  unionName: text(200),
  recordDate: daySchema,
  schedule: z.strictObject({ opensAt: instantSchema, closesAt: instantSchema }),
  questions: z.array(questionSchema).min(1).max(64),
  trustees: z.strictObject({
    threshold: z.int().min(1),
    members: z.array(z.strictObject({ id: trusteeIdSchema, name: text(200), commitments: z.array(hex32Schema).min(1).max(64) })).min(1).max(64),
  }),
  jointPublicKey: hex32Schema,
  revotePolicy: z.enum(['last_counts', 'first_counts']),
  eligibleCount: z.int().min(1),
  linkedOfferId: offerIdSchema.exactOptional(),
  followUps: z
    .array(
      z.strictObject({
        questionId: questionIdSchema,
        outcome: z.enum(OUTCOME_KINDS),
        text: text(2000, true),
        templateId: templateIdSchema.exactOptional(),
        vote: z
          .strictObject({ title: text(200), questions: z.array(questionSchema).min(1).max(64), revotePolicy: z.enum(['last_counts', 'first_counts']).exactOptional() })
          .exactOptional(),
      }),
    )
    .max(64),
  information: z
    .strictObject({
      summary: text(8000, true),
      offer: z.strictObject({ id: offerIdSchema, title: text(200), digest: hex32Schema }).exactOptional(),
      statements: z.array(z.strictObject({ side: z.enum(['for', 'against']), author: text(200), text: text(STATEMENT_MAX_LENGTH, true) })).max(8),
    })
    .exactOptional(),
  credentialAuthority: z.strictObject({ mode: z.enum(['offline', 'server']), publicKey: hex32Schema }),
  purpose: z.enum(VOTE_PURPOSES).exactOptional(),
  channels: channelsSchema.exactOptional(),
});

export type ManifestInvariantError =
  | ChannelsError
  | RuleError
  | 'schedule_order'
  | 'record_date_after_open'
  | 'duplicate_question_id'
  | 'duplicate_option_id'
  | 'max_below_min'
  | 'max_exceeds_options'
  | 'blank_mismatch'
  | 'rule_kind_mismatch'
  | 'seats_exceed_options'
  | 'threshold_exceeds_trustees'
  | 'duplicate_trustee_id'
  | 'commitment_count_mismatch'
  | 'invalid_group_element'
  | 'joint_key_mismatch'
  | 'follow_up_unknown_question'
  | 'follow_up_impossible_outcome'
  | 'duplicate_follow_up'
  | 'offer_link_mismatch'
  | 'follow_up_invalid_template'
  | 'invalid_authority_key';
/** `unsupported_version`: a manifest of another protocol version (a ratify/v1 record), named in the detail. */
export type ManifestError = CanonicalParseError | ManifestInvariantError | 'unsupported_version';

const firstDuplicate = (values: readonly string[]): string | undefined => values.find((v, i) => values.indexOf(v) !== i);

function decodePoint(hex: Hex32, where: string): Result<GroupElement, 'invalid_group_element'> {
  const decoded = ristretto255.decodeElement(fromHex(hex)!);
  return decoded.ok ? decoded : err('invalid_group_element', `${where}: ${decoded.error}`);
}

function checkQuestion(q: Question, where: string): Result<true, ManifestInvariantError> {
  const optionCount = q.options.length;
  if (q.kind === 'choose') {
    const dup = firstDuplicate(q.options.map((o) => o.id));
    if (dup !== undefined) return err('duplicate_option_id', `${where}: option ${dup}`);
  }
  if (q.max < q.min) return err('max_below_min', where);
  if (q.max > optionCount) return err('max_exceeds_options', where);
  if (q.min === 0 && !q.blankAllowed) return err('blank_mismatch', `${where}: min 0 allows a blank ballot, so blankAllowed must be true`);
  if ((q.kind === 'yes_no') !== (q.rule.kind !== 'plurality')) return err('rule_kind_mismatch', `${where}: ${q.rule.kind} rule on a ${q.kind} question`);
  if (q.rule.kind === 'plurality' && q.rule.seats > optionCount) return err('seats_exceed_options', where);
  const rule = checkRule(q.rule);
  return rule.ok ? ok(true) : err(rule.error, `${where}: ${rule.detail ?? ''}`);
}

/** A follow-up vote's questions obey the invariants of a manifest's questions (§M3 3–4). */
function checkTemplate(questions: readonly Question[]): Result<true, ManifestInvariantError> {
  const dup = firstDuplicate(questions.map((q) => q.id));
  if (dup !== undefined) return err('duplicate_question_id', dup);
  for (const q of questions) {
    const r = checkQuestion(q, `question ${q.id}`);
    if (!r.ok) return r;
  }
  return ok(true);
}

/** Cross-field invariants of a schema-valid manifest. The first failure is returned, with its location. */
export function checkManifest(m: Manifest): Result<Manifest, ManifestInvariantError> {
  if (m.schedule.opensAt >= m.schedule.closesAt) return err('schedule_order', 'opensAt must be before closesAt');
  if (m.recordDate > m.schedule.opensAt.slice(0, 10)) return err('record_date_after_open', 'the record date must not be after the opening day');
  const dupQuestion = firstDuplicate(m.questions.map((q) => q.id));
  if (dupQuestion !== undefined) return err('duplicate_question_id', dupQuestion);
  for (const q of m.questions) {
    const r = checkQuestion(q, `question ${q.id}`);
    if (!r.ok) return r;
  }
  const { threshold, members } = m.trustees;
  if (threshold > members.length) return err('threshold_exceeds_trustees', `k = ${threshold} > n = ${members.length}`);
  const dupTrustee = firstDuplicate(members.map((t) => t.id));
  if (dupTrustee !== undefined) return err('duplicate_trustee_id', dupTrustee);
  let joint = ristretto255.identity;
  for (const t of members) {
    if (t.commitments.length !== threshold) return err('commitment_count_mismatch', `trustee ${t.id}: expected ${threshold} commitments`);
    for (const [i, c] of t.commitments.entries()) {
      const point = decodePoint(c, `trustee ${t.id} commitment ${i}`);
      if (!point.ok) return point;
      if (i === 0) joint = ristretto255.add(joint, point.value);
    }
  }
  const key = decodePoint(m.jointPublicKey, 'jointPublicKey');
  if (!key.ok) return key;
  if (!ristretto255.equals(key.value, joint)) return err('joint_key_mismatch', "jointPublicKey is not the sum of the trustees' first commitments");
  const authority = decodePoint(m.credentialAuthority.publicKey, 'credentialAuthority.publicKey');
  if (!authority.ok || ristretto255.equals(authority.value, ristretto255.identity))
    return err('invalid_authority_key', 'credentialAuthority.publicKey must be a valid group element other than the identity');
  const seen = new Set<string>();
  for (const f of m.followUps) {
    const q = m.questions.find((x) => x.id === f.questionId);
    if (q === undefined) return err('follow_up_unknown_question', f.questionId);
    if (!possibleOutcomes(q.rule).includes(f.outcome)) return err('follow_up_impossible_outcome', `${f.questionId}: ${f.outcome}`);
    const key = `${f.questionId}/${f.outcome}`;
    if (seen.has(key)) return err('duplicate_follow_up', key);
    seen.add(key);
  }
  const offer = m.information?.offer;
  if (offer !== undefined && m.linkedOfferId !== offer.id) return err('offer_link_mismatch', 'information.offer.id must equal linkedOfferId');
  for (const [i, f] of m.followUps.entries()) {
    const template = f.vote === undefined ? ok(true) : checkTemplate(f.vote.questions);
    if (!template.ok) return err('follow_up_invalid_template', `followUps.${i}.vote: ${template.error}${template.detail ? ` (${template.detail})` : ''}`);
  }
  if (m.channels !== undefined) {
    const channels = checkChannels(m.channels);
    if (!channels.ok) return channels;
  }
  return ok(m);
}

/** What a reader of ratify/v2 says about a manifest of another version (decision 0016). */
export function unsupportedVersionMessage(version: string): string {
  return version === PREVIOUS_PROTOCOL_VERSION
    ? `this record is protocol ${PREVIOUS_PROTOCOL_VERSION}; this software checks ${MANIFEST_VERSION} only (${PREVIOUS_PROTOCOL_VERSION} revotes can be replayed and its credentials are bound only to the vote id): verify it with a Ratify release before ${MANIFEST_VERSION}`
    : `unknown protocol version ${JSON.stringify(version.slice(0, 40))}; this software checks ${MANIFEST_VERSION}`;
}

/**
 * What a vote decides: its `purpose` when the manifest says, else read from its questions — an
 * election when a question elects (plurality), a ratification when it binds an offer and every
 * question is a yes/no ratification, otherwise `other` (whose words never claim the offer is what
 * is voted on).
 */
export function inferredPurpose(m: {
  readonly purpose?: VotePurpose | undefined;
  readonly questions: readonly { readonly kind: string; readonly rule: { readonly kind: string } }[];
  readonly information?: { readonly offer?: object | undefined } | undefined;
}): VotePurpose {
  if (m.purpose !== undefined) return m.purpose;
  if (m.questions.some((q) => q.rule.kind === 'plurality')) return 'election';
  if (m.information?.offer !== undefined && m.questions.every((q) => q.kind === 'yes_no' && q.rule.kind === 'ratification')) return 'ratification';
  return 'other';
}

/** Strict parse of a manifest from untrusted canonical JSON: exact bytes, schema, then invariants. */
export function parseWireManifest(text: string, limits?: ParseLimits): Result<Manifest, ManifestError> {
  const parsed = parseCanonical(text, manifestSchema, limits);
  if (!parsed.ok && parsed.error === 'schema_mismatch') {
    // The JSON is well-formed (schema checks come after syntax): name the version when it is another one.
    const value: unknown = JSON.parse(text);
    const version = typeof value === 'object' && value !== null && 'version' in value ? value.version : undefined;
    if (typeof version === 'string' && version !== MANIFEST_VERSION) return err('unsupported_version', unsupportedVersionMessage(version));
  }
  return parsed.ok ? checkManifest(parsed.value) : parsed;
}

/** The canonical JSON text of a manifest (what is signed, published and fingerprinted). */
export function toWireManifest(manifest: Manifest): string {
  return toCanonical(manifest);
}

type Unbranded<T> = T extends string ? string : T extends readonly unknown[] ? { readonly [K in keyof T]: Unbranded<T[K]> } : T extends object ? { readonly [K in keyof T]: Unbranded<T[K]> } : T;
/** Builder input: plain strings instead of brands; `version` implied, `revotePolicy` defaults to last_counts. */
export type ManifestDraft = Omit<Unbranded<Manifest>, 'version' | 'revotePolicy' | 'followUps'> & {
  readonly revotePolicy?: RevotePolicy;
  readonly followUps?: Unbranded<Manifest['followUps']>;
};

/** Builds a manifest from a draft through the same schema and invariants as `parseWireManifest`. */
export function createManifest(draft: ManifestDraft): Result<Manifest, ManifestError> {
  const parsed = manifestSchema.safeParse({ version: MANIFEST_VERSION, revotePolicy: 'last_counts', followUps: [], ...draft });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err('schema_mismatch', issue ? `${issue.path.join('.') || '$'}: ${issue.message}` : undefined);
  }
  return checkManifest(parsed.data);
}
