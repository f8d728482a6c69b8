// Setting a vote up: the manifest is completed from the trustees' ceremony (joint key, commitments)
// and the roll size, then the vote is created with its frozen roll and first board events in one
// transaction; credentials are published; the vote opens. Producing checks live in protocol/crypto.
import {
  type CeremonyMessage,
  type Group,
  type Result,
  checkCeremony,
  err,
  fromHex,
  ok,
  toHex,
} from '@ratify/crypto';
import {
  type AuthorityKeyPair,
  type AuthoritySignatureError,
  type Manifest,
  type ManifestDraft,
  type ManifestError,
  type WireChallengeResponse,
  authorityPublicKeyHex,
  ceremonyContext,
  electionFingerprint,
  signCredentialList,
  signCredentialReplacement,
  verifyCredentialList,
  verifyCredentialReplacement,
  createManifest,
  parseWireManifest,
  toWireCeremonyMessage,
  toWireManifest,
  type CanonicalValue,
} from '@ratify/protocol';
import type { UnionId, VoteId } from '@ratify/protocol';
import { parseUnionId } from '@ratify/protocol';
import type { Store } from '@ratify/storage';
import { eventInput, hasherFor } from './board-writer.ts';

/** What an administrator writes: the manifest without what the ceremony and the roll determine. */
export type VoteDefinition = Omit<ManifestDraft, 'trustees' | 'jointPublicKey' | 'eligibleCount'> & {
  readonly trustees: { readonly threshold: number; readonly members: readonly { readonly id: string; readonly name: string }[] };
};

export type PrepareError = ManifestError | 'ceremony_incomplete' | 'ceremony_failed' | 'union_not_found';

export function definitionCeremonyContext(definition: Pick<VoteDefinition, 'voteId' | 'electionId' | 'trustees'>): Uint8Array {
  return ceremonyContext(definition, definition.trustees.threshold, definition.trustees.members.map((m) => m.id));
}

/** Completes the manifest from a finished ceremony and the roll size. */
export function completeManifest(
  group: Group,
  definition: VoteDefinition,
  messages: readonly CeremonyMessage[],
  eligibleCount: number,
): Result<Manifest, PrepareError> {
  const { threshold, members } = definition.trustees;
  if (!(threshold >= 1 && threshold <= members.length)) return err('threshold_exceeds_trustees' as ManifestError);
  const status = checkCeremony(group, { context: definitionCeremonyContext(definition), threshold, trusteeCount: members.length }, messages);
  if (status.kind === 'failed')
    return err('ceremony_failed', status.problems.map((p) => `trustee ${p.trustee}: ${p.error}${p.detail ? ` (${p.detail})` : ''}`).join('; '));
  if (status.kind !== 'complete') return err('ceremony_incomplete', status.kind);
  const byTrustee = [...status.commitments].sort((a, b) => a.trustee - b.trustee);
  return createManifest({
    ...definition,
    trustees: {
      threshold,
      members: members.map((m, i) => ({
        ...m,
        commitments: byTrustee[i]!.coefficients.map((c) => toHex(group.encodeElement(c.commitment))),
      })),
    },
    jointPublicKey: toHex(group.encodeElement(status.jointPublicKey)),
    eligibleCount,
  });
}

export type CreateVoteError =
  | PrepareError
  | 'duplicate_vote'
  | 'vote_not_found'
  | 'union_mismatch'
  | 'vote_not_draft'
  | 'roll_already_frozen'
  | 'invalid_record_date'
  | 'eligible_count_mismatch';

/** Eligible = members of the union in good standing now (the roll is frozen in the same step). */
export async function countEligible(store: Store, unionId: UnionId): Promise<number> {
  return (await store.members.listMembers(unionId)).filter((m) => m.goodStanding).length;
}

export async function createVote(
  store: Store,
  group: Group,
  definition: VoteDefinition,
  messages: readonly CeremonyMessage[],
): Promise<Result<Manifest, CreateVoteError>> {
  // An id that is not even well-formed names no union.
  const unionId = parseUnionId(definition.unionId);
  if (!unionId.ok || !(await store.members.getUnion(unionId.value))) return err('union_not_found', definition.unionId);
  const manifest = completeManifest(group, definition, messages, await countEligible(store, unionId.value));
  if (!manifest.ok) return manifest;
  const m = manifest.value;
  const hash = hasherFor(m.voteId);
  const wireManifest = toWireManifest(m);
  return store.transaction<Manifest, CreateVoteError>(async (tx) => {
    const created = await tx.votes.createVote({ id: m.voteId, unionId: m.unionId, manifest: wireManifest });
    if (!created.ok) return created;
    const roll = await tx.rolls.freezeRoll(m.voteId, m.unionId, m.recordDate);
    if (!roll.ok) return roll;
    if (roll.value.frozenCount !== m.eligibleCount) return err('eligible_count_mismatch');
    const createdEvent = await tx.board.appendEvent(m.voteId, eventInput('vote_created', { manifest: JSON.parse(wireManifest) as CanonicalValue }), hash);
    if (!createdEvent.ok) return createdEvent;
    const trustees = await tx.board.appendEvent(
      m.voteId,
      eventInput('trustees_published', { messages: messages.map((msg) => toWireCeremonyMessage(group, msg) as CanonicalValue) }),
      hash,
    );
    if (!trustees.ok) return trustees;
    return ok(m);
  });
}

export type PublishCredentialsError =
  | 'vote_not_found'
  | 'vote_not_draft'
  | 'credentials_already_published'
  | 'invalid_credential'
  | 'duplicate_credential'
  | 'no_credentials'
  | 'credential_count_mismatch'
  | 'manifest_unreadable'
  | 'authority_key_mismatch'
  | AuthoritySignatureError;

/**
 * How the credential authority authorises a list or a replacement (docs/protocol.md §B1.1): with its
 * key pair (the CLI holding the committee's key file, or the server in server mode), or with a
 * signature made elsewhere (offline) that is checked here before anything is written.
 */
export type AuthorityAuthorization = { readonly key: AuthorityKeyPair } | { readonly signature: WireChallengeResponse };

function authorize(
  group: Group,
  manifest: Manifest,
  authorization: AuthorityAuthorization,
  message: { readonly sign: (key: AuthorityKeyPair, fingerprint: Uint8Array) => WireChallengeResponse; readonly verify: (publicKey: string, fingerprint: Uint8Array, signature: unknown) => Result<true, AuthoritySignatureError> },
): Result<WireChallengeResponse, AuthoritySignatureError | 'authority_key_mismatch'> {
  const fingerprint = electionFingerprint(manifest);
  const publicKey = manifest.credentialAuthority.publicKey;
  if ('key' in authorization) {
    if (authorityPublicKeyHex(group, authorization.key) !== publicKey)
      return err('authority_key_mismatch', "this key is not the vote's credential authority (the manifest commits to another public key)");
    return ok(message.sign(authorization.key, fingerprint));
  }
  const checked = message.verify(publicKey, fingerprint, authorization.signature);
  return checked.ok ? ok(authorization.signature) : checked;
}

/**
 * Publishes the public credential list (hex), once, before the vote opens, with the credential
 * authority's signature over the sorted list (made here from its key, or checked here).
 */
export async function publishCredentials(
  store: Store,
  group: Group,
  voteId: VoteId,
  credentials: readonly string[],
  authorization: AuthorityAuthorization,
): Promise<Result<number, PublishCredentialsError>> {
  const vote = await store.votes.getVote(voteId);
  if (!vote) return err('vote_not_found');
  if (vote.status !== 'draft') return err('vote_not_draft');
  if (credentials.length === 0) return err('no_credentials');
  // Exactly one credential per eligible member (Belenios): extra credentials would be ballots for whoever holds them.
  const manifest = parseWireManifest(vote.manifest);
  if (!manifest.ok) return err('manifest_unreadable', manifest.error);
  if (credentials.length !== manifest.value.eligibleCount)
    return err('credential_count_mismatch', `${credentials.length} credentials for ${manifest.value.eligibleCount} eligible members`);
  if ((await store.ballots.listCredentials(voteId)).length > 0) return err('credentials_already_published');
  for (const c of credentials) {
    const bytes = c.length === 64 ? fromHex(c) : undefined;
    if (!bytes || !group.decodeElement(bytes).ok) return err('invalid_credential', c);
  }
  const sorted = [...credentials].sort();
  const signature = authorize(group, manifest.value, authorization, {
    sign: (key, fingerprint) => signCredentialList(group, key, fingerprint, sorted),
    verify: (publicKey, fingerprint, sig) => verifyCredentialList(group, publicKey, fingerprint, sorted, sig),
  });
  if (!signature.ok) return signature;
  return store.transaction<number, PublishCredentialsError>(async (tx) => {
    const added = await tx.ballots.addCredentials(voteId, sorted);
    if (!added.ok) return added;
    const published = await tx.board.appendEvent(voteId, eventInput('credentials_published', { authoritySignature: signature.value, credentials: sorted }), hasherFor(voteId));
    if (!published.ok) return published;
    return ok(added.value);
  });
}

export type OpenError = 'vote_not_found' | 'invalid_transition' | 'no_credentials';

export async function openVote(store: Store, voteId: VoteId, at: Date): Promise<Result<void, OpenError>> {
  if ((await store.ballots.listCredentials(voteId)).length === 0) return err('no_credentials');
  return store.transaction<void, OpenError>(async (tx) => {
    const t = await tx.votes.transitionVote(voteId, 'open');
    if (!t.ok) return t;
    const opened = await tx.board.appendEvent(voteId, eventInput('vote_opened', { at: isoSeconds(at) }), hasherFor(voteId));
    if (!opened.ok) return opened;
    return ok(undefined);
  });
}

export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export type ReplaceCredentialError =
  | 'vote_not_found'
  | 'vote_closed'
  | 'unknown_credential'
  | 'already_revoked'
  | 'missing_reason'
  | 'invalid_credential'
  | 'duplicate_credential'
  | 'manifest_unreadable'
  | 'authority_key_mismatch'
  | AuthoritySignatureError;

export type CredentialReplacement = {
  /** The active public credential (hex) that stops counting. */
  readonly revoked: string;
  /** The new public credential (hex). */
  readonly added: string;
  readonly reason: string;
  readonly authorization: AuthorityAuthorization;
  /** Who relayed it, for the audit log (`staff:<name>`, `ops-token`, `cli`). */
  readonly actor: string;
};

/**
 * Replaces a lost or compromised credential, as authorised by the credential authority: revokes
 * `revoked` (its ballots stop counting: the holder votes again with the new one), adds `added`, puts
 * a `credential_replaced` event carrying the authority's signature on the board, and writes the audit
 * entries — all in one transaction (a savepoint when `store` is already a transaction's). The record
 * shows one active credential per eligible member throughout; nothing names the member.
 */
export async function replaceCredential(
  store: Store,
  group: Group,
  voteId: VoteId,
  replacement: CredentialReplacement,
): Promise<Result<{ readonly authoritySignature: WireChallengeResponse }, ReplaceCredentialError>> {
  const { revoked, added, reason, actor } = replacement;
  if (reason.trim() === '') return err('missing_reason');
  // The revoked credential must be an active one of the vote (the store says unknown_credential otherwise).
  if (!/^[0-9a-f]{64}$/.test(revoked)) return err('invalid_credential', revoked);
  const bytes = /^[0-9a-f]{64}$/.test(added) ? fromHex(added) : undefined;
  if (!bytes || !group.decodeElement(bytes).ok) return err('invalid_credential', added);
  return store.transaction(async (tx) => {
    const vote = await tx.votes.getVote(voteId);
    if (!vote) return err('vote_not_found');
    if (vote.status !== 'draft' && vote.status !== 'open') return err('vote_closed');
    const manifest = parseWireManifest(vote.manifest);
    if (!manifest.ok) return err('manifest_unreadable', manifest.error);
    const signature = authorize(group, manifest.value, replacement.authorization, {
      sign: (key, fingerprint) => signCredentialReplacement(group, key, fingerprint, revoked, added),
      verify: (publicKey, fingerprint, sig) => verifyCredentialReplacement(group, publicKey, fingerprint, revoked, added, sig),
    });
    if (!signature.ok) return signature;
    const r = await tx.ballots.revokeCredential(voteId, revoked, reason);
    if (!r.ok) return r;
    const a = await tx.ballots.addCredentials(voteId, [added]);
    if (!a.ok) return a.error === 'vote_not_found' ? err('vote_not_found') : a;
    const appended = await tx.board.appendEvent(voteId, eventInput('credential_replaced', { added, authoritySignature: signature.value, revoked }), hasherFor(voteId));
    if (!appended.ok) return appended;
    await tx.audit.appendAudit({ actor, action: 'credential_revoked', voteId, details: JSON.stringify({ credential: revoked, reason }) });
    await tx.audit.appendAudit({ actor, action: 'credential_added', voteId, details: JSON.stringify({ credential: added, replaces: revoked }) });
    return ok({ authoritySignature: signature.value });
  });
}
