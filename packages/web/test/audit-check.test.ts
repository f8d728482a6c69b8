// The independent audit check (docs/protocol.md §B2.4): a revealed ballot matches; any change to the
// revealed choices or randomness, another vote's manifest, or a tampered ballot is a mismatch; bad
// input is refused. Also the audit package's text and fragment forms.
import { seededRandom, toHex } from '@ratify/crypto';
import { parseWireBallot, trackingCode, type Ballot, type WireResult } from '@ratify/protocol';
import { describe, expect, it } from 'vitest';
import { auditPackageVoteId, checkAudit } from '../src/audit/audit-check.ts';
import { auditFragment, parseWireAuditPackage, readAuditFragment } from '../src/audit/audit-package.ts';
import { createWorkerHandler } from '../src/crypto/worker-handler.ts';
import { group, testCredential, testManifest, wireOf } from './fixtures.ts';

const manifest = testManifest();
const wire = wireOf(manifest);

function audited(selections: (0 | 1)[][] = [[1, 0]]): { readonly pkg: string; readonly trackingCode: string } {
  const handle = createWorkerHandler(group, seededRandom('audit-test'));
  handle({ kind: 'prepare', id: 1, ...wire });
  const enc = handle({ kind: 'encrypt', id: 2, voteId: manifest.voteId, selections, credential: testCredential() });
  if (enc.kind !== 'encrypted') throw new Error(JSON.stringify(enc));
  const rev = handle({ kind: 'reveal', id: 3, trackingCode: enc.trackingCode });
  if (rev.kind !== 'revealed') throw new Error(JSON.stringify(rev));
  return { pkg: rev.auditPackage, trackingCode: enc.trackingCode };
}

const unwrapWire = (r: WireResult<Ballot>): Ballot => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
type Wire = { format: string; trackingCode: string; ballot: string; selections: number[][]; randomness: string[][] };
const edit = (pkg: string, change: (w: Wire) => void): string => {
  const w = JSON.parse(pkg) as Wire;
  change(w);
  return JSON.stringify(w);
};

describe('checkAudit', () => {
  it('matches an honest ballot and reports its choices and tracking code', () => {
    const { pkg, trackingCode } = audited([[0, 1]]);
    const r = checkAudit(group, wire.manifest, pkg);
    expect(r.ok && r.value).toMatchObject({ kind: 'match', trackingCode, choices: [[1]] });
  });

  it('finds the vote id to fetch the manifest for', () => {
    expect(auditPackageVoteId(group, audited().pkg)).toEqual({ ok: true, value: 'strike-2008' });
  });

  it('is a mismatch when the revealed choices are not what was encrypted', () => {
    const pkg = edit(audited([[1, 0]]).pkg, (w) => (w.selections = [[0, 1]]));
    const r = checkAudit(group, wire.manifest, pkg);
    expect(r.ok && r.value).toMatchObject({ kind: 'mismatch', reason: 'ciphertext_mismatch' });
  });

  it('is a mismatch when a randomness value is changed', () => {
    const other = toHex(group.scalars.encode(group.scalars.fromBigint(12345n)));
    const pkg = edit(audited().pkg, (w) => (w.randomness[0]![1] = other));
    const r = checkAudit(group, wire.manifest, pkg);
    expect(r.ok && r.value).toMatchObject({ kind: 'mismatch', reason: 'ciphertext_mismatch', detail: 'question authorize option 1' });
  });

  it("is a mismatch against another vote's manifest", () => {
    const other = wireOf(testManifest({ voteId: 'other-vote' }));
    const r = checkAudit(group, other.manifest, audited().pkg);
    expect(r.ok && r.value).toMatchObject({ kind: 'mismatch', reason: 'wrong_election' });
  });

  it('is a mismatch when a proof in the ballot was altered', () => {
    const pkg = edit(audited().pkg, (w) => {
      const b = JSON.parse(w.ballot) as { answers: { overall: { challenge: string }[] }[] };
      const c = b.answers[0]!.overall[0]!;
      c.challenge = toHex(group.scalars.encode(group.scalars.fromBigint(7n)));
      w.ballot = JSON.stringify(b);
      w.trackingCode = trackingCode(group, unwrapWire(parseWireBallot(group, w.ballot)));
    });
    const r = checkAudit(group, wire.manifest, pkg);
    expect(r.ok && r.value).toMatchObject({ kind: 'mismatch', reason: 'invalid_overall_proof' });
  });

  it('is a mismatch when the audit data names another ballot', () => {
    const pkg = edit(audited().pkg, (w) => (w.trackingCode = 'ab'.repeat(32)));
    const r = checkAudit(group, wire.manifest, pkg);
    expect(r.ok && r.value).toMatchObject({ kind: 'mismatch', reason: 'tracking_code_mismatch' });
  });

  it('is a mismatch when the shape of the revealed data is wrong', () => {
    const pkg = edit(audited().pkg, (w) => w.randomness[0]!.pop());
    const r = checkAudit(group, wire.manifest, pkg);
    expect(r.ok && r.value).toMatchObject({ kind: 'mismatch', reason: 'wrong_shape' });
  });

  it.each([
    ['not JSON', 'hello', 'invalid_audit_package'],
    ['another format', (p: string) => edit(p, (w) => (w.format = 'v0')), 'invalid_audit_package'],
    ['a scalar out of range', (p: string) => edit(p, (w) => (w.randomness[0]![0] = 'ff'.repeat(32))), 'invalid_audit_package'],
    ['a ballot that is not canonical', (p: string) => edit(p, (w) => (w.ballot = ` ${w.ballot}`)), 'invalid_ballot'],
  ])('refuses %s', (_name, make, error) => {
    const pkg = typeof make === 'string' ? make : make(audited().pkg);
    const r = checkAudit(group, wire.manifest, pkg);
    expect(r).toMatchObject({ ok: false, error });
  });

  it('refuses a manifest that does not parse', () => {
    expect(checkAudit(group, '{}', audited().pkg)).toMatchObject({ ok: false, error: 'invalid_manifest' });
  });
});

describe('audit package', () => {
  it('round-trips through the URL fragment', () => {
    const { pkg } = audited();
    const fragment = auditFragment(pkg);
    expect(fragment).toMatch(/^#audit=[A-Za-z0-9_-]+$/);
    expect(readAuditFragment(fragment)).toBe(pkg);
    expect(parseWireAuditPackage(group, readAuditFragment(fragment)!).ok).toBe(true);
  });

  it('ignores fragments that are not audit data', () => {
    expect(readAuditFragment('')).toBeUndefined();
    expect(readAuditFragment('#credential=ABC')).toBeUndefined();
    expect(readAuditFragment('#audit=%%%')).toBeUndefined();
  });
});
