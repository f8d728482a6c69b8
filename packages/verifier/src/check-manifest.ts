// Checks `manifest` (§5.4) and `record_index` (§5.2). The manifest is parsed strictly from its
// canonical text (protocol parseWireManifest); when only a cross-field invariant fails the
// schema-valid manifest is still handed on, so that checks which do not depend on the broken
// invariant keep running. The election fingerprint is computed from the exact accepted bytes.
// Must not check anything the manifest does not say.
import { bytesEqual, fromHex, type GroupElement, ristretto255, toHex, utf8 } from '@ratify/crypto';
import {
  fingerprintOfCanonical,
  type Manifest,
  manifestSchema,
  parseCanonical,
  parseWireManifest,
  toCanonical,
} from '@ratify/protocol';
import type { FindingCollector } from './collector.ts';
import type { DecodedRecord } from './files.ts';
import { RECORD_FORMAT } from './files.ts';
import { hasExactKeys } from './json.ts';
import type { BoardModel } from './model.ts';

export type ManifestContext = {
  readonly manifest: Manifest;
  readonly fingerprint: Uint8Array;
  readonly fingerprintHex: string;
  /** The decoded joint key, when it is a valid non-identity element. */
  readonly electionKey?: GroupElement;
};

const PARSE_ERRORS: readonly string[] = ['too_large', 'invalid_json', 'schema_mismatch', 'non_canonical', 'unsupported_version'];

export function checkManifestEvent(model: BoardModel, findings: FindingCollector): ManifestContext | undefined {
  if (model.manifest === undefined) {
    findings.add('manifest', 'missing_manifest', { file: 'board.jsonl' }, 'no usable vote_created event');
    return undefined;
  }
  const location = { file: 'board.jsonl', line: model.manifest.line, seq: model.manifest.seq };
  const text = toCanonical(model.manifest.value);
  const parsed = parseWireManifest(text);
  let manifest: Manifest;
  if (parsed.ok) manifest = parsed.value;
  else {
    findings.add('manifest', parsed.error, location, parsed.detail ?? parsed.error);
    if (PARSE_ERRORS.includes(parsed.error)) return undefined;
    const schemaValid = parseCanonical(text, manifestSchema);
    if (!schemaValid.ok) return undefined;
    manifest = schemaValid.value;
  }
  const fingerprint = fingerprintOfCanonical(utf8(text));
  const key = ristretto255.decodeElement(fromHex(manifest.jointPublicKey) ?? new Uint8Array(0));
  return {
    manifest,
    fingerprint,
    fingerprintHex: toHex(fingerprint),
    ...(key.ok && { electionKey: ristretto255.precompute(key.value) }),
  };
}

export function checkRecordIndex(
  decoded: DecodedRecord,
  boardEvents: number,
  boardHead: string | undefined,
  manifest: ManifestContext | undefined,
  expectedBoardHead: string | undefined,
  findings: FindingCollector,
): void {
  const file = 'record.json';
  const index = decoded.values.get(file);
  if (index === undefined) {
    findings.skip('record_index', 'record.json is missing or not JSON');
    return;
  }
  if (!hasExactKeys(index, ['boardHead', 'events', 'fingerprint', 'format', 'voteId'])) {
    findings.add('record_index', 'malformed_index', { file }, 'record.json must have exactly boardHead, events, fingerprint, format, voteId');
    return;
  }
  if (index.format !== RECORD_FORMAT) findings.add('record_index', 'wrong_format', { file, path: '$.format' }, `format is not ${RECORD_FORMAT}`);
  if (index.events !== boardEvents)
    findings.add('record_index', 'event_count_mismatch', { file, path: '$.events' }, `record.json says ${String(index.events)} events, the board has ${boardEvents}`);
  if (boardHead !== undefined && index.boardHead !== boardHead)
    findings.add('record_index', 'board_head_mismatch', { file, path: '$.boardHead' }, `the recomputed board head is ${boardHead}`);
  if (expectedBoardHead !== undefined && boardHead !== expectedBoardHead)
    findings.add('record_index', 'published_head_mismatch', { file: 'board.jsonl' }, `the published head is ${expectedBoardHead}, the board's is ${boardHead ?? 'none'}`);
  if (manifest !== undefined) {
    const claimed = typeof index.fingerprint === 'string' ? fromHex(index.fingerprint) : undefined;
    if (claimed === undefined || !bytesEqual(claimed, manifest.fingerprint))
      findings.add('record_index', 'fingerprint_mismatch', { file, path: '$.fingerprint' }, `the manifest's fingerprint is ${manifest.fingerprintHex}`);
    if (index.voteId !== manifest.manifest.voteId)
      findings.add('record_index', 'vote_id_mismatch', { file, path: '$.voteId' }, `the manifest's vote id is ${manifest.manifest.voteId}`);
  }
}
