// The key ceremony as a sequence of messages (files, board events) and two pure checkers over them
// (docs/protocol.md §T2, §T5): `checkCeremony` — the public view any party (server,
// verifier, trustee) uses to ask "have we received everything, and is it all valid?" — and
// `collectShares` — trustee ℓ's private view: decrypt and Feldman-check the shares sent to it.
// Flow: commitments (all) → encrypted_shares (all) → [complaint → share_reveal] → key_confirmation (all).
// Must not do I/O or keep state: callers pass every message received so far, in any order.
import type { KeyPair } from '../elgamal.ts';
import type { Group, GroupElement } from '../group.ts';
import { assertNever } from '../result.ts';
import type { Scalar } from '../scalar.ts';
import { assertParameters, type Blame, blame, isTrusteeIndex, type ThresholdParameters } from './common.ts';
import { type CommitmentsMessage, verifyTrusteeCommitments } from './commitments.ts';
import {
  allPublicKeyShares,
  jointPublicKey,
  type KeyConfirmationMessage,
  verifyKeyConfirmation,
} from './keys.ts';
import {
  type ComplaintMessage,
  createComplaint,
  receiveShare,
  type SharesMessage,
  type ShareRevealMessage,
  verifyShareRevealMessage,
} from './shares.ts';

export type CeremonyMessage =
  CommitmentsMessage | SharesMessage | ComplaintMessage | ShareRevealMessage | KeyConfirmationMessage;

export type CeremonyProblem = Blame<string>;

export type CeremonyStatus =
  | { readonly kind: 'failed'; readonly problems: readonly CeremonyProblem[] }
  | { readonly kind: 'awaiting_commitments'; readonly missing: readonly number[] }
  | { readonly kind: 'awaiting_shares'; readonly missing: readonly number[] }
  | {
      readonly kind: 'awaiting_reveals';
      readonly pending: readonly { readonly accuser: number; readonly accused: number }[];
    }
  | { readonly kind: 'awaiting_confirmations'; readonly missing: readonly number[] }
  | {
      readonly kind: 'complete';
      readonly jointPublicKey: GroupElement;
      /** G_1 … G_n */
      readonly publicKeyShares: readonly GroupElement[];
      readonly commitments: readonly CommitmentsMessage[];
    };

/** The author of a message: the trustee whose misbehaviour it can prove. */
export function messageAuthor(message: CeremonyMessage): number {
  switch (message.kind) {
    case 'commitments':
    case 'key_confirmation':
      return message.trustee;
    case 'encrypted_shares':
    case 'share_reveal':
      return message.sender;
    case 'complaint':
      return message.accuser;
    default:
      return assertNever(message);
  }
}

function messageKey(message: CeremonyMessage): string {
  switch (message.kind) {
    case 'complaint':
      return `complaint/${message.accuser}/${message.accused}`;
    case 'share_reveal':
      return `share_reveal/${message.sender}/${message.recipient}`;
    default:
      return `${message.kind}/${messageAuthor(message)}`;
  }
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

function checkSharesShape(
  group: Group,
  p: ThresholdParameters,
  m: SharesMessage,
): CeremonyProblem | undefined {
  const expected = range(p.trusteeCount).filter((l) => l !== m.sender);
  if (m.shares.length !== expected.length)
    return blame(
      'malformed_shares',
      m.sender,
      `trustee ${m.sender}: ${m.shares.length} shares, expected ${expected.length}`,
    );
  for (let k = 0; k < expected.length; k++) {
    const s = m.shares[k]!;
    if (s.sender !== m.sender || s.recipient !== expected[k])
      return blame(
        'malformed_shares',
        m.sender,
        `trustee ${m.sender}: share ${k} is labelled ${s.sender}→${s.recipient}`,
        k,
      );
    if (s.masked.length !== 32 || s.tag.length !== 64 || group.isIdentity(s.ephemeral))
      return blame(
        'malformed_shares',
        m.sender,
        `trustee ${m.sender}: share for ${s.recipient} is malformed`,
        k,
      );
  }
  return undefined;
}

/** Public check of everything received so far; the status says what is missing or who failed. */
export function checkCeremony(
  group: Group,
  parameters: ThresholdParameters,
  messages: readonly CeremonyMessage[],
): CeremonyStatus {
  assertParameters(parameters);
  const n = parameters.trusteeCount;
  const problems: CeremonyProblem[] = [];
  const byKey = new Map<string, CeremonyMessage>();
  for (const m of messages) {
    const author = messageAuthor(m);
    if (!isTrusteeIndex(author, n))
      problems.push(blame('bad_trustee_index', author, `message from unknown trustee ${author}`));
    else if (byKey.has(messageKey(m)))
      problems.push(blame('duplicate_message', author, `two ${m.kind} messages from trustee ${author}`));
    else byKey.set(messageKey(m), m);
  }
  if (problems.length > 0) return { kind: 'failed', problems };
  const get = <K extends CeremonyMessage['kind']>(kind: K, author: number) =>
    byKey.get(`${kind}/${author}`) as Extract<CeremonyMessage, { kind: K }> | undefined;

  // Round 1: commitments.
  const commitments: CommitmentsMessage[] = [];
  const missingCommitments: number[] = [];
  for (const i of range(n)) {
    const c = get('commitments', i);
    if (!c) missingCommitments.push(i);
    else {
      const checked = verifyTrusteeCommitments(group, parameters, c);
      if (checked.ok) commitments.push(c);
      else problems.push(checked);
    }
  }
  if (problems.length > 0) return { kind: 'failed', problems };
  if (missingCommitments.length > 0) return { kind: 'awaiting_commitments', missing: missingCommitments };

  // Round 2: encrypted shares (only their shape is public; recipients check the contents).
  const missingShares: number[] = [];
  for (const i of range(n)) {
    const s = get('encrypted_shares', i);
    if (!s) missingShares.push(i);
    else {
      const problem = checkSharesShape(group, parameters, s);
      if (problem) problems.push(problem);
    }
  }
  if (problems.length > 0) return { kind: 'failed', problems };
  if (missingShares.length > 0) return { kind: 'awaiting_shares', missing: missingShares };

  // Complaints must be answered by a reveal that reproduces the ciphertext and matches the commitments.
  const pending: { accuser: number; accused: number }[] = [];
  for (const m of byKey.values()) {
    if (m.kind !== 'complaint') continue;
    if (!isTrusteeIndex(m.accused, n) || m.accused === m.accuser) {
      problems.push(
        blame('bad_complaint', m.accuser, `trustee ${m.accuser}: complaint against ${m.accused}`),
      );
      continue;
    }
    const reveal = byKey.get(`share_reveal/${m.accused}/${m.accuser}`) as ShareRevealMessage | undefined;
    if (!reveal) {
      pending.push({ accuser: m.accuser, accused: m.accused });
      continue;
    }
    const encrypted = get('encrypted_shares', m.accused)!.shares.find((s) => s.recipient === m.accuser);
    const checked = verifyShareRevealMessage(
      group,
      parameters,
      reveal,
      encrypted,
      commitments[m.accused - 1]!,
      commitments[m.accuser - 1]!,
    );
    if (!checked.ok) problems.push(checked);
  }
  if (problems.length > 0) return { kind: 'failed', problems };
  if (pending.length > 0) return { kind: 'awaiting_reveals', pending };

  // Round 3: every trustee confirms its key share (Belenios voutput).
  const missingConfirmations: number[] = [];
  for (const l of range(n)) {
    const c = get('key_confirmation', l);
    if (!c) missingConfirmations.push(l);
    else {
      const checked = verifyKeyConfirmation(group, parameters, c, commitments);
      if (!checked.ok) problems.push(checked);
    }
  }
  if (problems.length > 0) return { kind: 'failed', problems };
  if (missingConfirmations.length > 0)
    return { kind: 'awaiting_confirmations', missing: missingConfirmations };
  return {
    kind: 'complete',
    jointPublicKey: jointPublicKey(group, commitments),
    publicKeyShares: allPublicKeyShares(group, commitments, n),
    commitments,
  };
}

/**
 * Trustee ℓ's private step after round 2: decrypt and check every share sent to it. A share that
 * fails yields a complaint naming the sender, unless the sender has already published a valid
 * reveal for ℓ (then the revealed share is used). Call again after reveals arrive.
 */
export function collectShares(
  group: Group,
  parameters: ThresholdParameters,
  recipient: number,
  encryptionKey: KeyPair,
  messages: readonly CeremonyMessage[],
): { readonly shares: ReadonlyMap<number, Scalar>; readonly complaints: readonly ComplaintMessage[] } {
  const commitments = messages.filter((m): m is CommitmentsMessage => m.kind === 'commitments');
  const shares = new Map<number, Scalar>();
  const complaints: ComplaintMessage[] = [];
  const ownCommitments = commitments.find((c) => c.trustee === recipient);
  if (!ownCommitments) throw new Error('own commitments are not among the messages');
  for (const m of messages) {
    if (m.kind !== 'encrypted_shares' || m.sender === recipient) continue;
    const senderCommitments = commitments.find((c) => c.trustee === m.sender);
    if (!senderCommitments) continue;
    const encrypted = m.shares.find((s) => s.recipient === recipient);
    const received = encrypted
      ? receiveShare(group, parameters, encrypted, senderCommitments, recipient, encryptionKey)
      : blame('missing_share' as const, m.sender, `trustee ${m.sender} sent no share to ${recipient}`);
    if (received.ok) {
      shares.set(m.sender, received.value);
      continue;
    }
    const reveal = messages.find(
      (r): r is ShareRevealMessage =>
        r.kind === 'share_reveal' && r.sender === m.sender && r.recipient === recipient,
    );
    const revealed =
      reveal &&
      verifyShareRevealMessage(group, parameters, reveal, encrypted, senderCommitments, ownCommitments);
    if (revealed?.ok) shares.set(m.sender, revealed.value);
    else complaints.push(createComplaint(recipient, received));
  }
  return { shares, complaints };
}
