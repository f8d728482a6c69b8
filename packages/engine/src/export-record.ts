// Exports a vote's election record (docs/record-format.md): board.jsonl is authoritative; the
// extracts are byte-for-byte what the board says; record.json indexes them. Pure reading: the
// record is built from the board events alone, so it is exactly what the verifier re-derives.
import { type Result, err, ok, toHex } from '@ratify/crypto';
import { type CanonicalValue, GENESIS_HASH, electionFingerprint, parseWireManifest, toCanonical } from '@ratify/protocol';
import type { Store } from '@ratify/storage';

export type RecordFiles = ReadonlyMap<string, string>;

export async function exportRecord(store: Store, voteId: string): Promise<Result<RecordFiles, 'vote_not_found' | 'empty_board'>> {
  const vote = await store.votes.getVote(voteId);
  if (!vote) return err('vote_not_found');
  const events = await store.board.listEvents(voteId);
  const last = events.at(-1);
  if (!last) return err('empty_board');
  const files = new Map<string, string>();
  const payloads = events.map((e) => ({ kind: e.kind, payload: JSON.parse(e.payload) as Record<string, CanonicalValue> }));
  files.set(
    'board.jsonl',
    events
      .map((e, i) =>
        toCanonical({ hash: e.hash, kind: e.kind, payload: payloads[i]!.payload, prevHash: e.prevHash ?? GENESIS_HASH, seq: e.seq }) + '\n',
      )
      .join(''),
  );
  const one = (kind: string, key: string) => payloads.find((p) => p.kind === kind)?.payload[key];
  const all = (kind: string, key: string) => payloads.filter((p) => p.kind === kind).map((p) => p.payload[key]!);
  const put = (name: string, value: CanonicalValue | undefined) => {
    if (value !== undefined) files.set(name, toCanonical(value));
  };
  put('manifest.json', one('vote_created', 'manifest'));
  put('trustees.json', one('trustees_published', 'messages'));
  put('credentials.json', one('credentials_published', 'credentials'));
  files.set('ballots.jsonl', all('ballot_accepted', 'ballot').map((b) => toCanonical(b) + '\n').join(''));
  put('tally.json', one('tally_computed', 'tally'));
  put('partial-decryptions.json', all('partial_decryption', 'partialDecryption'));
  put('result.json', one('result_published', 'result'));
  const manifest = parseWireManifest(files.get('manifest.json') ?? '');
  if (!manifest.ok) throw new Error(`stored manifest unreadable: ${manifest.error}`);
  files.set(
    'record.json',
    toCanonical({
      boardHead: last.hash,
      events: events.length,
      fingerprint: toHex(electionFingerprint(manifest.value)),
      format: 'ratify-record/v1',
      voteId,
    }),
  );
  return ok(files);
}
