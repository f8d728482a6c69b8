// Shared helpers of the verifier tests (tests only): run the verifier in-thread, read statuses and
// reason codes by check, and edit board payloads of a built vote.
import { type CanonicalValue, signCredentialList, signCredentialReplacement, toCanonical } from '@ratify/protocol';
import { type CheckName, type CheckStatus, type RecordFiles, type VerificationReport, verifyRecord } from '../src/index.ts';
import { type BuiltVote, editableEntries, type Entry, writeRecord } from './record-builder.ts';

export const verify = (files: RecordFiles, options = {}): Promise<VerificationReport> => verifyRecord(files, { workers: 0, ...options });

export function statuses(report: VerificationReport): Record<CheckName, CheckStatus> {
  return Object.fromEntries(report.checks.map((c) => [c.name, c.status])) as Record<CheckName, CheckStatus>;
}

export const failed = (report: VerificationReport): CheckName[] => report.checks.filter((c) => c.status === 'failed').map((c) => c.name);

export function findings(report: VerificationReport, check: CheckName) {
  return report.checks.find((c) => c.name === check)!.findings;
}

export const codes = (report: VerificationReport, check: CheckName): string[] => findings(report, check).map((f) => f.code);

export type MutableEntry = { kind: Entry['kind']; payload: Record<string, CanonicalValue> };
type Json = Record<string, CanonicalValue> & Record<string, unknown>;

/** Rewrites a consistent record (chain, extracts, index) after `edit` changes the board entries. */
export function rewritten(entries: readonly Entry[], edit: (entries: MutableEntry[]) => void): Record<string, string> {
  const copy = editableEntries(entries);
  edit(copy);
  return writeRecord(copy);
}

/**
 * Re-signs the credential list and every replacement with the vote's credential authority key, as
 * an adversary holding that key would (server mode), so that only the structural check under test
 * fails. Lists with a non-hex entry are left as they are (nothing can be signed over them).
 */
export function resignCredentials(vote: Pick<BuiltVote, 'group' | 'authority' | 'fingerprint' | 'rng'>, entries: MutableEntry[]): void {
  const { group, authority, fingerprint, rng } = vote;
  for (const e of entries) {
    if (e.kind === 'credentials_published') {
      const list = e.payload.credentials as string[];
      if (list.every((c) => /^[0-9a-f]{64}$/.test(c))) e.payload.authoritySignature = signCredentialList(group, authority, fingerprint, list, rng);
    } else if (e.kind === 'credential_replaced') {
      e.payload.authoritySignature = signCredentialReplacement(group, authority, fingerprint, e.payload.revoked as string, e.payload.added as string, rng);
    }
  }
}

/** The n-th entry of a kind (0-based), as mutable JSON. */
export function nth(entries: MutableEntry[], kind: Entry['kind'], n = 0): MutableEntry {
  const found = entries.filter((e) => e.kind === kind)[n];
  if (!found) throw new Error(`no ${kind} #${n}`);
  return found;
}

/** A mutable view of a JSON object inside a payload. */
export const obj = (v: CanonicalValue | undefined): Json => v as Json;

/** Replaces the board line of a given seq (raw edit: the chain is NOT recomputed). */
export function editBoardLine(files: Record<string, string>, seq: number, edit: (line: Json) => void): Record<string, string> {
  const lines = files['board.jsonl']!.split('\n');
  const line = JSON.parse(lines[seq]!) as Json;
  edit(line);
  lines[seq] = toCanonical(line as CanonicalValue);
  return { ...files, 'board.jsonl': lines.join('\n') };
}

/** A different valid scalar hex (adds 1 to the little-endian value's first byte, staying < ℓ for test data). */
export function bumpScalarHex(hex: string): string {
  const first = (parseInt(hex.slice(0, 2), 16) + 1) % 256;
  return first.toString(16).padStart(2, '0') + hex.slice(2);
}
