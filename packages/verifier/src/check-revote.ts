// Check `revote_policy` (§5.9, protocol §8.5): which ballots count (one per credential: the last
// under `last_counts`, the first under `first_counts`), that the board's `ballot_superseded` events
// are exactly the ones the policy implies (each right after the newer ballot), and that the
// `vote_closed` counts match. Uses the tracking codes as the board states them (the ballots check
// recomputes them). Must not verify ballots.
import type { RevotePolicy } from '@ratify/protocol';
import type { FindingCollector } from './collector.ts';
import { isObject } from './json.ts';
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
