// Vote drafts: an administrator's VoteDefinition (questions, rules, schedule, information, trustees
// k of n with the staff account holding each slot) validated in full by the protocol's manifest
// schema and invariants — every schema issue with its field path, or the first invariant broken
// with the field it concerns — then kept in the store while the trustees run the key ceremony
// through the relay. `createVote` hands the ceremony's messages to engine.createVote (which freezes
// the roll) and schedules the opening and closing. Must not touch the ceremony's secrets (it never has any).
import { type CeremonyMessage, type Result, checkCeremony, err, ok, toHex } from '@ratify/crypto';
import { type Engine, type VoteDefinition, countEligible, definitionCeremonyContext, serverAuthority } from '@ratify/engine';
import { type Manifest, type ManifestDraft, MANIFEST_VERSION, checkManifest, generateElectionId, electionFingerprint, manifestSchema, parseWireCeremonyMessage, type VoteId, asVoteId, parseUnionId } from '@ratify/protocol';
import type { Draft, StoredCeremonyMessage } from '@ratify/storage';
import type { z } from 'zod';
import type { DraftDefinitionInput, draftIssueSchema } from '../api/console-schemas.ts';
import { draftDefinitionSchema } from '../api/console-schemas.ts';
import type { ResponseOf } from '../api/routes.ts';
import type { ApiErrorCode } from '../http/errors.ts';
import { offerReferenceProblem } from './bargaining.ts';
import { statementIssues } from './statement-rules.ts';

export type DraftIssue = z.infer<typeof draftIssueSchema>;

/**
 * A draft's definition: the engine's, with the credential authority only when the committee gave
 * its offline key; without, the server fills in its own (server mode) when the vote is created.
 */
export type DraftVoteDefinition = Omit<VoteDefinition, 'credentialAuthority'> & { readonly credentialAuthority?: VoteDefinition['credentialAuthority'] };

/** A draft as the server works with it: the definition the engine takes, and who holds each trustee slot. */
export type ParsedDraft = {
  readonly draft: Draft;
  readonly input: DraftDefinitionInput;
  readonly definition: DraftVoteDefinition;
  /** The staff username per trustee slot (index 0 = trustee 1), or null. */
  readonly accounts: readonly (string | null)[];
};

/** The field of a question (`questions.0`, `followUps.1.vote.questions.0`) an invariant of its own concerns. */
function questionField(code: string, at: string): string {
  if (code === 'duplicate_option_id' || code === 'max_exceeds_options' || code === 'seats_exceed_options') return `${at}.options`;
  if (code === 'max_below_min') return `${at}.max`;
  if (code === 'blank_mismatch') return `${at}.blankAllowed`;
  return `${at}.rule`;
}

/** The question an invariant's detail names (`question q2: …`, `(question q2)`). */
const questionNamed = (detail: string | undefined): string | undefined => /(?:^|\()question ([^\s:)]+)/.exec(detail ?? '')?.[1];

/**
 * A follow-up's template broke a question invariant: its detail is `followUps.<i>.vote: <code> (<inner detail>)`
 * (manifest.ts checkManifest), so the field is the template question's own, as for the vote's questions.
 */
function templateField(detail: string | undefined, manifest: Manifest): string {
  const m = /^(followUps\.(\d+)\.vote): (\w+)(?: \((.*)\))?$/.exec(detail ?? '');
  if (m === null) return 'followUps';
  const at = m[1] ?? 'followUps';
  const code = m[3] ?? '';
  if (code === 'duplicate_question_id') return `${at}.questions`;
  const questions = manifest.followUps[Number(m[2])]?.vote?.questions ?? [];
  const qIndex = questions.findIndex((q) => q.id === questionNamed(m[4]));
  return qIndex < 0 ? at : questionField(code, `${at}.questions.${qIndex}`);
}

/** Which field an invariant of manifest.ts concerns. */
function invariantField(code: string, detail: string | undefined, manifest: Manifest): string {
  const question = questionNamed(detail);
  const qIndex = question === undefined ? -1 : manifest.questions.findIndex((q) => q.id === question);
  switch (code) {
    case 'schedule_order':
      return 'schedule.closesAt';
    case 'record_date_after_open':
      return 'recordDate';
    case 'threshold_exceeds_trustees':
      return 'trustees.threshold';
    case 'duplicate_trustee_id':
      return 'trustees.members';
    case 'duplicate_question_id':
      return 'questions';
    case 'offer_link_mismatch':
      return 'information.offer.id';
    case 'follow_up_unknown_question':
    case 'follow_up_impossible_outcome':
    case 'duplicate_follow_up':
      return 'followUps';
    case 'follow_up_invalid_template':
      return templateField(detail, manifest);
    default:
      return qIndex < 0 ? '(root)' : questionField(code, `questions.${qIndex}`);
  }
}

/**
 * Checks a definition the way createManifest will once the ceremony is done: the trustees'
 * commitments and joint key are stand-ins (multiples of the generator) and the roll size is 1, so
 * everything the administrator wrote is checked now, and nothing they did not write can fail.
 */
/** A schema problem with its field path, code and (for sizes) the limit the field broke, so pages can say it in words. */
function schemaIssue(i: z.core.$ZodIssue): DraftIssue {
  const limit = 'maximum' in i ? i.maximum : 'minimum' in i ? i.minimum : undefined;
  return { field: i.path.join('.') || '(root)', code: i.code, message: i.message, ...(typeof limit === 'number' ? { limit } : {}) };
}

/** Stands in for the election id while a definition is only being checked (no draft exists yet). */
const PLACEHOLDER_ELECTION_ID = '00000000000000000000000000000000';

/**
 * `electionId` is the draft's (made by the server when the draft is created, never by the
 * administrator); without one, as when only validating, a placeholder fills the schema's slot.
 */
export function validateDefinition(engine: Engine, raw: unknown, unionName: string | undefined, electionId: string = PLACEHOLDER_ELECTION_ID): Result<{ input: DraftDefinitionInput; definition: DraftVoteDefinition; accounts: (string | null)[] }, 'invalid_definition'> & { issues?: DraftIssue[] } {
  const issues: DraftIssue[] = [];
  const shape = draftDefinitionSchema.safeParse(raw);
  if (!shape.success) {
    for (const i of shape.error.issues) issues.push(schemaIssue(i));
    return { ...err('invalid_definition', `${issues[0]!.field}: ${issues[0]!.message}`), issues };
  }
  const input = { ...shape.data, unionName: shape.data.unionName ?? unionName ?? '' };
  const group = engine.group;
  const { threshold, members } = input.trustees;
  const k = Number.isSafeInteger(threshold) && threshold >= 1 && threshold <= 64 ? threshold : 1;
  const g = toHex(group.encodeElement(group.generator));
  let joint = group.identity;
  for (let i = 0; i < members.length; i++) joint = group.add(joint, group.generator);
  const candidate = {
    ...input,
    version: MANIFEST_VERSION,
    electionId,
    revotePolicy: input.revotePolicy ?? 'last_counts',
    followUps: input.followUps ?? [],
    trustees: { threshold, members: members.map((m) => ({ id: m.id, name: m.name, commitments: Array.from({ length: k }, () => g) })) },
    jointPublicKey: toHex(group.encodeElement(joint)),
    eligibleCount: 1,
    // Checked with the committee's key when given, else with a placeholder for the server's own.
    credentialAuthority: input.credentialAuthority ?? { mode: 'server', publicKey: g },
  };
  const schema = manifestSchema.safeParse(candidate);
  if (!schema.success) {
    for (const i of schema.error.issues) issues.push(schemaIssue(i));
    return { ...err('invalid_definition', `${issues[0]!.field}: ${issues[0]!.message}`), issues };
  }
  const checked = checkManifest(schema.data);
  if (!checked.ok) {
    const field = invariantField(checked.error, checked.detail, schema.data);
    issues.push({ field, code: checked.error, message: checked.detail ?? checked.error });
    return { ...err('invalid_definition', `${field}: ${checked.error}${checked.detail ? ` (${checked.detail})` : ''}`), issues };
  }
  // Equal terms for the official statements: one for each side, or none.
  issues.push(...statementIssues(schema.data.information?.statements ?? []));
  const accounts = members.map((m) => m.account ?? null);
  const seen = new Map<string, number>();
  accounts.forEach((a, i) => {
    if (a === null) return;
    if (seen.has(a)) issues.push({ field: `trustees.members.${i}.account`, code: 'duplicate_account', message: `${a} already holds trustee slot ${seen.get(a)! + 1}` });
    else seen.set(a, i);
  });
  if (issues.length > 0) return { ...err('invalid_definition', `${issues[0]!.field}: ${issues[0]!.message}`), issues };
  const m = schema.data;
  const definition: DraftVoteDefinition = {
    ...(input.credentialAuthority !== undefined ? { credentialAuthority: m.credentialAuthority } : {}),
    voteId: m.voteId,
    electionId: m.electionId,
    title: m.title,
    unionId: m.unionId,
    unionName: m.unionName,
    recordDate: m.recordDate,
    schedule: m.schedule,
    questions: m.questions as ManifestDraft['questions'],
    revotePolicy: m.revotePolicy,
    followUps: m.followUps as ManifestDraft['followUps'] & object,
    ...(m.linkedOfferId !== undefined ? { linkedOfferId: m.linkedOfferId } : {}),
    ...(m.purpose !== undefined ? { purpose: m.purpose as NonNullable<ManifestDraft['purpose']> } : {}),
    ...(m.information !== undefined ? { information: m.information as NonNullable<ManifestDraft['information']> } : {}),
    trustees: { threshold: m.trustees.threshold, members: m.trustees.members.map((t) => ({ id: t.id, name: t.name })) },
  };
  return { ...ok({ input, definition, accounts }) };
}

/** The ceremony's messages as stored, parsed again at this edge (they were checked on receipt). */
export function parseStoredMessages(engine: Engine, stored: readonly StoredCeremonyMessage[]): Result<CeremonyMessage[], 'internal_error'> {
  const out: CeremonyMessage[] = [];
  for (const s of stored) {
    const m = parseWireCeremonyMessage(engine.group, s.message);
    if (!m.ok) return err('internal_error', `stored ceremony message ${s.seq} unreadable: ${m.error}`);
    out.push(m.value);
  }
  return ok(out);
}

export function createDraftService(
  engine: Engine,
  ceremonyStatus: (draft: ParsedDraft, messages: readonly CeremonyMessage[]) => string,
  /** RATIFY_SECRET_KEY: the server-mode credential authority's key is derived from it (engine serverAuthority). */
  secretKey: Uint8Array | null = null,
) {
  /**
   * The definition the engine takes: the committee's authority, or the server's own (server mode).
   * Without RATIFY_SECRET_KEY the server can be no authority; that is said after what the engine
   * would say first (an unfinished ceremony, nobody eligible), whatever the server's setup.
   */
  async function withAuthority(definition: DraftVoteDefinition, messages: readonly CeremonyMessage[]): Promise<Result<VoteDefinition, ApiErrorCode>> {
    if (definition.credentialAuthority !== undefined) return ok({ ...definition, credentialAuthority: definition.credentialAuthority });
    if (secretKey === null) {
      const { threshold, members } = definition.trustees;
      const status = checkCeremony(engine.group, { context: definitionCeremonyContext(definition), threshold, trusteeCount: members.length }, messages);
      if (status.kind === 'failed') return err('ceremony_failed');
      if (status.kind !== 'complete') return err('ceremony_incomplete', status.kind);
      const union = parseUnionId(definition.unionId);
      if (union.ok && (await countEligible(store, union.value)) === 0) return err('no_eligible_members', 'no member of the union is in good standing');
      return err('secret_key_missing', 'Creating a vote whose credentials the server issues (no offline credential authority in the draft)');
    }
    return ok({ ...definition, credentialAuthority: serverAuthority(engine.group, secretKey, definition.voteId, definition.electionId).credentialAuthority });
  }

  const store = engine.store;

  async function load(id: VoteId): Promise<Result<ParsedDraft, ApiErrorCode>> {
    const draft = await store.drafts.getDraft(id);
    if (draft === null) return err('draft_not_found', id);
    // A draft stored before protocol ratify/v2 has no election id: its ceremony cannot make a v2 vote.
    if (draft.electionId === null) return err('internal_error', `draft ${id} was made before protocol ratify/v2 (no election id): discard it and create it again`);
    const v = validateDefinition(engine, JSON.parse(draft.definition) as unknown, undefined, draft.electionId);
    if (!v.ok) return err('internal_error', `stored draft ${id} no longer validates: ${v.detail ?? ''}`);
    return ok({ draft, ...v.value });
  }

  async function validate(raw: unknown): Promise<Result<ResponseOf<'validateDraft'>, ApiErrorCode>> {
    const unionId = typeof raw === 'object' && raw !== null && 'unionId' in raw && typeof raw.unionId === 'string' ? raw.unionId : undefined;
    const parsedUnion = unionId === undefined ? null : parseUnionId(unionId);
    const union = parsedUnion?.ok === true ? await store.members.getUnion(parsedUnion.value) : null;
    // An unknown union is one problem (unionId), not a second one about its missing name.
    const v = validateDefinition(engine, raw, union?.name ?? unionId);
    const issues = v.ok ? [] : (v.issues ?? []);
    if (v.ok && union === null) issues.push({ field: 'unionId', code: 'union_not_found', message: `no union ${unionId ?? ''}` });
    const offerProblem = v.ok ? await offerReferenceProblem(store, v.value.input) : null;
    if (offerProblem !== null) issues.push(offerProblem);
    // A definition that validated has a well-formed vote id.
    if (v.ok && ((await store.votes.getVote(asVoteId(v.value.definition.voteId))) !== null || (await store.drafts.getDraft(asVoteId(v.value.definition.voteId))) !== null))
      issues.push({ field: 'voteId', code: 'duplicate_vote', message: `a vote or draft ${v.value.definition.voteId} already exists` });
    return ok({ valid: issues.length === 0, issues });
  }

  async function summary(parsed: ParsedDraft): Promise<Result<ResponseOf<'getDraft'>, ApiErrorCode>> {
    const stored = await store.drafts.listCeremonyMessages(parsed.draft.id);
    const messages = parseStoredMessages(engine, stored);
    if (!messages.ok) return messages;
    const { draft } = parsed;
    return ok({
      id: draft.id,
      unionId: draft.unionId,
      status: draft.status,
      createdAt: draft.createdAt,
      definition: parsed.input,
      ceremony: { status: draft.status === 'created' ? 'complete' : ceremonyStatus(parsed, messages.value), messages: stored.length },
    });
  }

  async function create(raw: DraftDefinitionInput): Promise<Result<ResponseOf<'createDraft'>, ApiErrorCode>> {
    // An id that is not even well-formed names no union.
    const unionId = parseUnionId(raw.unionId);
    const union = unionId.ok ? await store.members.getUnion(unionId.value) : null;
    if (union === null) return err('union_not_found', raw.unionId);
    const v = validateDefinition(engine, raw, union.name);
    if (!v.ok) return v;
    const offerProblem = await offerReferenceProblem(store, v.value.input);
    if (offerProblem !== null) return err(offerProblem.code, `${offerProblem.field}: ${offerProblem.message}`);
    const voteId = asVoteId(v.value.definition.voteId);
    if ((await store.votes.getVote(voteId)) !== null) return err('duplicate_vote', voteId);
    // The election id is made here, once (128 bits from the platform CSPRNG): the ceremony run on the draft is bound to it.
    const electionId = generateElectionId();
    const created = await store.drafts.createDraft({ id: voteId, unionId: union.id, definition: JSON.stringify(v.value.input), electionId });
    if (!created.ok) return created;
    return summary({ draft: created.value, ...v.value, definition: { ...v.value.definition, electionId } });
  }

  async function get(id: VoteId): Promise<Result<ResponseOf<'getDraft'>, ApiErrorCode>> {
    const parsed = await load(id);
    return parsed.ok ? summary(parsed.value) : parsed;
  }

  async function list(): Promise<Result<ResponseOf<'listDrafts'>, ApiErrorCode>> {
    const drafts: ResponseOf<'listDrafts'>['drafts'] = [];
    for (const d of await store.drafts.listDrafts()) {
      const one = await get(d.id);
      if (!one.ok) return one;
      drafts.push(one.value);
    }
    return ok({ drafts });
  }

  async function recoverCreated(id: VoteId, parsed: ParsedDraft, messages: readonly CeremonyMessage[]): Promise<Result<Manifest, 'duplicate_vote'> | undefined> {
    if ((await store.votes.getVote(id)) === null) return undefined;
    const ctx = await engine.context(id);
    const status = checkCeremony(engine.group, { context: definitionCeremonyContext(parsed.definition), threshold: parsed.definition.trustees.threshold, trusteeCount: parsed.definition.trustees.members.length }, messages);
    if (!ctx.ok || status.kind !== 'complete' || ctx.value.manifest.jointPublicKey !== toHex(engine.group.encodeElement(status.jointPublicKey))) return err('duplicate_vote', id);
    return ok(ctx.value.manifest);
  }

  /** The ceremony is complete: create the vote (the roll freezes), close the draft, schedule open and close. */
  async function createVote(id: VoteId): Promise<Result<ResponseOf<'createVoteFromDraft'>, ApiErrorCode>> {
    const parsed = await load(id);
    if (!parsed.ok) return parsed;
    if (parsed.value.draft.status !== 'ceremony') return err('draft_already_created', id);
    const messages = parseStoredMessages(engine, await store.drafts.listCeremonyMessages(id));
    if (!messages.ok) return messages;
    // A crash after the vote was created but before the draft was marked: finish the remaining steps
    // if the existing vote is this draft's (same joint key from the same ceremony), else refuse.
    const existing = await recoverCreated(id, parsed.value, messages.value);
    let created: Result<Manifest, string> | undefined = existing;
    if (created === undefined) {
      const definition = await withAuthority(parsed.value.definition, messages.value);
      if (!definition.ok) return definition;
      created = await engine.createVote(definition.value, messages.value);
    }
    if (!created.ok) {
      const e = created.error;
      if (e === 'schema_mismatch' && created.detail?.startsWith('eligibleCount')) return err('no_eligible_members', 'no member of the union is in good standing');
      switch (e) {
        case 'ceremony_incomplete': case 'ceremony_failed': case 'union_not_found': case 'duplicate_vote': case 'vote_not_found':
        case 'union_mismatch': case 'vote_not_draft': case 'roll_already_frozen': case 'invalid_record_date': case 'eligible_count_mismatch':
          return err(e, created.detail);
        default:
          return err('invalid_definition', `${e}${created.detail ? `: ${created.detail}` : ''}`);
      }
    }
    const m = created.value;
    const iso = (s: string) => new Date(s).toISOString();
    // Scheduled first, then the draft closed: a retry after a crash between them finds the vote and recovers.
    if ((await store.votes.getSchedule(m.voteId)) === null) {
      const scheduled = await store.votes.scheduleVote({ voteId: m.voteId, opensAt: iso(m.schedule.opensAt), closesAt: iso(m.schedule.closesAt) });
      if (!scheduled.ok && scheduled.error !== 'already_scheduled') return err('internal_error', `scheduling ${m.voteId}: ${scheduled.error}`);
    }
    const marked = await store.drafts.markDraftCreated(id);
    if (!marked.ok) return marked;
    return ok({ voteId: m.voteId, status: 'draft' as const, eligibleCount: m.eligibleCount, fingerprint: toHex(electionFingerprint(m)), schedule: m.schedule });
  }

  return { load, validate, create, get, list, createVote };
}

export type DraftService = ReturnType<typeof createDraftService>;
