// The board's payloads by kind (docs/record-format.md §1 table), shape-checked but not yet parsed by
// the wire parsers: the later checks parse what they own. A payload with the wrong fields is reported
// under the check that owns its kind and left out. The first event of a once-only kind is used
// (board_chain reports a second one). Must not verify anything cryptographic.
import type { CanonicalValue } from '@ratify/protocol';
import type { BoardEventView } from './board.ts';
import type { FindingCollector } from './collector.ts';
import { hasExactKeys, isArray, isCount, isHex, type JsonObject } from './json.ts';
import type { CheckName } from './types.ts';

export type At = { readonly seq: number; readonly line: number };
export type BallotEntry = At & { readonly ballot: CanonicalValue; readonly trackingCode: string };
export type SupersededEntry = At & { readonly supersededBy: string; readonly trackingCode: string };
/** A lost or compromised credential replaced by a new one (record-format §1). */
export type ReplacementEntry = At & { readonly revoked: string; readonly added: string; readonly authoritySignature: CanonicalValue };
export type ClosedEntry = At & { readonly ballotsAccepted: number; readonly ballotsCounted: number };

export type BoardModel = {
  readonly manifest?: At & { readonly value: CanonicalValue };
  readonly trustees?: At & { readonly messages: readonly CanonicalValue[] };
  readonly credentials?: At & { readonly list: readonly CanonicalValue[]; readonly authoritySignature: CanonicalValue };
  readonly ballots: readonly BallotEntry[];
  readonly superseded: readonly SupersededEntry[];
  readonly replacements: readonly ReplacementEntry[];
  readonly closed?: ClosedEntry;
  readonly tally?: At & { readonly value: CanonicalValue };
  readonly partials: readonly (At & { readonly value: CanonicalValue })[];
  readonly result?: At & { readonly value: CanonicalValue };
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export function buildModel(events: readonly BoardEventView[], findings: FindingCollector): BoardModel {
  let manifest: BoardModel['manifest'];
  let trustees: BoardModel['trustees'];
  let credentials: BoardModel['credentials'];
  let closed: ClosedEntry | undefined;
  let tally: BoardModel['tally'];
  let result: BoardModel['result'];
  const ballots: BallotEntry[] = [];
  const superseded: SupersededEntry[] = [];
  const replacements: ReplacementEntry[] = [];
  const partials: (At & { value: CanonicalValue })[] = [];
  const bad = (check: CheckName, e: BoardEventView, shape: string) =>
    findings.add(check, 'malformed_payload', { file: 'board.jsonl', line: e.line, seq: e.seq }, `${e.kind} payload must be ${shape}`);

  for (const e of events) {
    const at: At = { seq: e.seq, line: e.line };
    const p: JsonObject = e.payload;
    switch (e.kind) {
      case 'vote_created':
        if (!hasExactKeys(p, ['manifest'])) bad('manifest', e, '{manifest}');
        else manifest ??= { ...at, value: p.manifest! };
        break;
      case 'trustees_published':
        if (!hasExactKeys(p, ['messages']) || !isArray(p.messages)) bad('ceremony', e, '{messages: [...]}');
        else trustees ??= { ...at, messages: p.messages };
        break;
      case 'credentials_published':
        if (!hasExactKeys(p, ['authoritySignature', 'credentials']) || !isArray(p.credentials)) bad('credentials', e, '{authoritySignature, credentials: [...]}');
        else credentials ??= { ...at, list: p.credentials, authoritySignature: p.authoritySignature! };
        break;
      case 'vote_opened':
        if (!hasExactKeys(p, ['at']) || typeof p.at !== 'string' || !ISO_INSTANT.test(p.at)) bad('board_chain', e, '{at: "YYYY-MM-DDTHH:MM:SSZ"}');
        break;
      case 'ballot_accepted':
        if (!hasExactKeys(p, ['ballot', 'trackingCode']) || !isHex(p.trackingCode, 32)) bad('ballots', e, '{ballot, trackingCode: <32-byte hex>}');
        else ballots.push({ ...at, ballot: p.ballot!, trackingCode: p.trackingCode });
        break;
      case 'ballot_superseded':
        if (!hasExactKeys(p, ['supersededBy', 'trackingCode']) || !isHex(p.supersededBy, 32) || !isHex(p.trackingCode, 32))
          bad('revote_policy', e, '{supersededBy, trackingCode} (32-byte hex)');
        else superseded.push({ ...at, supersededBy: p.supersededBy, trackingCode: p.trackingCode });
        break;
      case 'credential_replaced':
        if (!hasExactKeys(p, ['added', 'authoritySignature', 'revoked']) || !isHex(p.added, 32) || !isHex(p.revoked, 32))
          bad('credentials', e, '{added, authoritySignature, revoked} (32-byte hex credentials)');
        else replacements.push({ ...at, added: p.added, revoked: p.revoked, authoritySignature: p.authoritySignature! });
        break;
      case 'vote_closed':
        if (
          !hasExactKeys(p, ['at', 'ballotsAccepted', 'ballotsCounted']) ||
          typeof p.at !== 'string' ||
          !ISO_INSTANT.test(p.at) ||
          !isCount(p.ballotsAccepted) ||
          !isCount(p.ballotsCounted)
        )
          bad('revote_policy', e, '{at, ballotsAccepted, ballotsCounted}');
        else closed ??= { ...at, ballotsAccepted: p.ballotsAccepted, ballotsCounted: p.ballotsCounted };
        break;
      case 'tally_computed':
        if (!hasExactKeys(p, ['tally'])) bad('tally', e, '{tally}');
        else tally ??= { ...at, value: p.tally! };
        break;
      case 'partial_decryption':
        if (!hasExactKeys(p, ['partialDecryption'])) bad('partial_decryptions', e, '{partialDecryption}');
        else partials.push({ ...at, value: p.partialDecryption! });
        break;
      case 'result_published':
        if (!hasExactKeys(p, ['result'])) bad('decryption', e, '{result}');
        else result ??= { ...at, value: p.result! };
        break;
    }
  }
  return {
    ...(manifest && { manifest }),
    ...(trustees && { trustees }),
    ...(credentials && { credentials }),
    ballots,
    superseded,
    replacements,
    ...(closed && { closed }),
    ...(tally && { tally }),
    partials,
    ...(result && { result }),
  };
}
