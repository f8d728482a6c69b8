// Check `revote_policy` (§5.9, protocol §8.5): which ballots count (one per credential: the last
// under `last_counts`, the first under `first_counts`), that the board's `ballot_superseded` events
// are exactly the ones the policy implies (each right after the newer ballot), and that the
// `vote_closed` counts match. Uses the tracking codes as the board states them (the ballots check
// recomputes them). Must not verify ballots.
import type { RevotePolicy } from '@ratify/protocol';
import type { FindingCollector } from './collector.ts';
import { type JsonObject, isObject } from './json.ts';
import type { BallotEntry, BoardModel } from './model.ts';

/** The credential a ballot is cast under, as written on the board (hex), or a unique stand-in. */
export function credentialOf(entry: BallotEntry): string {
  const c = isObject(entry.ballot) ? entry.ballot.credential : undefined;
  return typeof c === 'string' ? c : `unreadable@${entry.seq}`;
}

/** The counted ballots in board order. A revoked (replaced) credential's ballots never count. */
export function selectCounted(ballots: readonly BallotEntry[], policy: RevotePolicy, revoked: ReadonlySet<string> = new Set()): BallotEntry[] {
  const chosen = new Map<string, BallotEntry>();
  for (const b of ballots) {
    const c = credentialOf(b);
    if (revoked.has(c)) continue;
    if (policy === 'last_counts' || !chosen.has(c)) chosen.set(c, b);
  }
  return [...chosen.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * No ballot is accepted twice (issue 12, forgery classes 3 and 4): a replayed ballot — the same
 * tracking code, the same signature, or any of the same ciphertexts as an earlier accepted ballot —
 * is refused. An honest booth draws fresh randomness for every ciphertext and every signature
 * (protocol §B2.2), so a repeat means a ballot re-appended by the server (a superseded ballot
 * counted again after its newer one, or one ballot appended twice) or copied from another voter
 * (ballot copying; Belenios weeds such ballots, Cortier–Smyth 2013).
 */
export function checkReplays(model: BoardModel, findings: FindingCollector): void {
  const file = 'board.jsonl';
  // The same bytes (hence the same tracking code; whether the stated code is right is the ballots check's).
  const seen = { ballot: new Map<string, number>(), signature: new Map<string, number>(), ciphertext: new Map<string, number>() };
  for (const b of model.ballots) {
    const at = { file, line: b.line, seq: b.seq };
    const bytes = JSON.stringify(b.ballot);
    const first = seen.ballot.get(bytes);
    if (first !== undefined) {
      findings.add('revote_policy', 'replayed_ballot', at, `ballot ${b.trackingCode} was already accepted at seq ${first}`);
      continue;
    }
    seen.ballot.set(bytes, b.seq);
    if (!isObject(b.ballot)) continue;
    const signature = JSON.stringify(b.ballot.signature ?? null);
    const signedAt = seen.signature.get(signature);
    if (signedAt !== undefined) findings.add('revote_policy', 'replayed_signature', at, `the signature of the ballot at seq ${b.seq} was already used at seq ${signedAt}`);
    else seen.signature.set(signature, b.seq);
    for (const ciphertext of ciphertextsOf(b.ballot)) {
      const usedAt = seen.ciphertext.get(ciphertext);
      if (usedAt !== undefined && usedAt !== b.seq) {
        findings.add('revote_policy', 'replayed_ciphertext', at, `the ballot at seq ${b.seq} repeats a ciphertext of the ballot at seq ${usedAt}`);
        break;
      }
      seen.ciphertext.set(ciphertext, b.seq);
    }
  }
}

/** Every choice's ciphertext of a wire ballot (W2), as text; what does not parse is the ballots check's business. */
function ciphertextsOf(ballot: JsonObject): string[] {
  const out: string[] = [];
  for (const answer of Array.isArray(ballot.answers) ? ballot.answers : []) {
    if (!isObject(answer) || !Array.isArray(answer.choices)) continue;
    for (const choice of answer.choices) if (isObject(choice) && choice.ciphertext !== undefined) out.push(JSON.stringify(choice.ciphertext));
  }
  return out;
}

export function checkRevotePolicy(model: BoardModel, policy: RevotePolicy, counted: number, findings: FindingCollector): void {
  const file = 'board.jsonl';
  const actual = new Map(model.superseded.map((s) => [s.seq, s]));
  const matched = new Set<number>();
  if (policy === 'last_counts') {
    const current = new Map<string, BallotEntry>();
    for (const b of model.ballots) {
      const c = credentialOf(b);
      const older = current.get(c);
      current.set(c, b);
      if (older === undefined) continue;
      const s = actual.get(b.seq + 1);
      if (s === undefined) {
        findings.add('revote_policy', 'missing_superseded', { file, line: b.line, seq: b.seq }, `ballot at seq ${b.seq} replaces the one at seq ${older.seq}, but no ballot_superseded follows it`);
        continue;
      }
      matched.add(s.seq);
      if (s.supersededBy !== b.trackingCode || s.trackingCode !== older.trackingCode)
        findings.add('revote_policy', 'wrong_superseded', { file, line: s.line, seq: s.seq }, `expected ${older.trackingCode} superseded by ${b.trackingCode}`);
    }
  }
  for (const s of model.superseded) {
    if (!matched.has(s.seq))
      findings.add('revote_policy', 'unexpected_superseded', { file, line: s.line, seq: s.seq }, `no ballot is superseded here under ${policy}`);
  }
  const closed = model.closed;
  if (closed === undefined) {
    findings.add('revote_policy', 'missing_vote_closed', { file }, 'no usable vote_closed event');
    return;
  }
  const at = { file, line: closed.line, seq: closed.seq };
  if (closed.ballotsAccepted !== model.ballots.length)
    findings.add('revote_policy', 'wrong_ballots_accepted', at, `vote_closed says ${closed.ballotsAccepted} accepted, the board has ${model.ballots.length}`);
  if (closed.ballotsCounted !== counted)
    findings.add('revote_policy', 'wrong_ballots_counted', at, `vote_closed says ${closed.ballotsCounted} counted, the policy counts ${counted}`);
}
