// Manifest: golden wire files (any byte change fails), strict canonical parsing, schema errors and
// every cross-field invariant with its code. Golden files: test-vectors/protocol (generate.ts).
import { describe, expect, it } from 'vitest';
import { ristretto255 as g, toHex, unwrap } from '@ratify/crypto';
import { ceremonyContext, createManifest, electionFingerprint, electionFingerprintHex, inferredPurpose, manifestCeremonyContext, parseWireManifest, toCanonical, toWireManifest, type ManifestDraft } from '../src/index.ts';
import { readVector } from '../../../test-vectors/protocol/vectors.ts';
import { aftraDraft, aftraManifest, officerDraft, sagDraft, sagManifest } from './manifest-fixtures.ts';

describe('manifest golden files', () => {
  it.each([
    ['manifest-aftra-2008-ratification.json', aftraManifest],
    ['manifest-sag-2009-strike-authorization.json', sagManifest],
  ])('%s: the builder produces exactly the stored bytes, and they parse back', (file, build) => {
    const wire = toWireManifest(build());
    expect(readVector(file)).toBe(wire);
    expect(unwrap(parseWireManifest(wire))).toEqual(build());
  });

  it('defaults the revote policy to last_counts and follow-ups to none', () => {
    const { followUps: _f, ...noFollowUps } = aftraDraft;
    const m = unwrap(createManifest(noFollowUps));
    expect(m.revotePolicy).toBe('last_counts');
    expect(m.followUps).toEqual([]);
    expect(m.version).toBe('ratify/v2');
  });
});

describe('parseWireManifest: only the canonical bytes', () => {
  const wire = toWireManifest(aftraManifest());
  const code = (text: string) => {
    const r = parseWireManifest(text);
    return r.ok ? 'ok' : r.error;
  };

  it('rejects whitespace, reordered keys, duplicate keys, uppercase hex, escapes', () => {
    expect(code(JSON.stringify(JSON.parse(wire), null, 2))).toBe('non_canonical');
    expect(code(`${wire}\n`)).toBe('non_canonical');
    const obj = JSON.parse(wire) as Record<string, unknown>;
    const reordered = JSON.stringify({ version: obj['version'], ...obj });
    expect(reordered).not.toBe(wire);
    expect(code(reordered)).toBe('non_canonical');
    expect(wire).toContain(',"eligibleCount":700,');
    expect(code(wire.replace(',"eligibleCount":700,', ',"eligibleCount":700,"eligibleCount":700,'))).toBe('non_canonical');
    const key = aftraManifest().jointPublicKey;
    expect(code(wire.replace(key, key.toUpperCase()))).toBe('schema_mismatch');
    expect(code(wire.replace('"aftra"', '"\\u0061ftra"'))).toBe('non_canonical');
    expect(code(wire.replace('"eligibleCount":700', '"eligibleCount":7e2'))).toBe('non_canonical');
  });

  it('bounds the size', () => {
    expect(parseWireManifest(wire, { maxBytes: wire.length - 1 })).toMatchObject({ ok: false, error: 'too_large' });
  });

  it.each<[string, (m: Record<string, unknown>) => unknown]>([
    ['a version that is not a string', (m) => ({ ...m, version: 2 })],
    ['a missing election id', ({ electionId: _e, ...m }) => m],
    ['a 15-byte election id', (m) => ({ ...m, electionId: 'ab'.repeat(15) })],
    ['a 17-byte election id', (m) => ({ ...m, electionId: 'ab'.repeat(17) })],
    ['an uppercase election id', (m) => ({ ...m, electionId: 'AB'.repeat(16) })],
    ['a missing field', ({ eligibleCount: _e, ...m }) => m],
    ['an unknown field', (m) => ({ ...m, extra: 1 })],
    ['a bad vote id', (m) => ({ ...m, voteId: 'AFTRA 2008' })],
    ['a non-UTC instant', (m) => ({ ...m, schedule: { opensAt: '2008-06-20T16:00:00+02:00', closesAt: '2008-07-08T03:00:00Z' } })],
    ['fractional seconds', (m) => ({ ...m, schedule: { opensAt: '2008-06-20T16:00:00.000Z', closesAt: '2008-07-08T03:00:00Z' } })],
    ['an impossible date', (m) => ({ ...m, recordDate: '2008-02-30' })],
    ['an unparseable date', (m) => ({ ...m, recordDate: '2008-13-01' })],
    ['an impossible hour', (m) => ({ ...m, schedule: { opensAt: '2008-06-20T25:00:00Z', closesAt: '2008-07-08T03:00:00Z' } })],
    ['a leap second', (m) => ({ ...m, schedule: { opensAt: '2008-06-20T23:59:60Z', closesAt: '2008-07-08T03:00:00Z' } })],
    ['an empty title', (m) => ({ ...m, title: '' })],
    ['an untrimmed title', (m) => ({ ...m, title: ' Vote' })],
    ['a non-NFC title', (m) => ({ ...m, title: 'Vote sí'.normalize('NFD') })],
    ['a zero eligible count', (m) => ({ ...m, eligibleCount: 0 })],
    ['an unknown revote policy', (m) => ({ ...m, revotePolicy: 'all_count' })],
    ['no questions', (m) => ({ ...m, questions: [] })],
    ['a 31-byte joint key', (m) => ({ ...m, jointPublicKey: 'ab'.repeat(31) })],
    ['no credential authority', ({ credentialAuthority: _c, ...m }) => m],
    ['an unknown credential authority mode', (m) => ({ ...m, credentialAuthority: { ...(m['credentialAuthority'] as object), mode: 'cloud' } })],
    ['a credential authority without a key', (m) => ({ ...m, credentialAuthority: { mode: 'offline' } })],
    ['a credential authority with an extra field', (m) => ({ ...m, credentialAuthority: { ...(m['credentialAuthority'] as object), secretKey: 'ab'.repeat(32) } })],
  ])('schema_mismatch: %s', (_, mutate) => {
    const changed = mutate(JSON.parse(wire) as Record<string, unknown>);
    expect(code(JSON.stringify(changed))).toBe('schema_mismatch');
  });

  it('unsupported_version: a ratify/v1 manifest is refused with a message naming both versions (decision 0016)', () => {
    const v1: Record<string, unknown> = { ...(JSON.parse(wire) as Record<string, unknown>), version: 'ratify/v1' };
    delete v1.electionId;
    const r = parseWireManifest(toCanonical(v1 as never));
    expect(r).toMatchObject({ ok: false, error: 'unsupported_version' });
    expect(!r.ok && r.detail).toMatch(/ratify\/v1.*ratify\/v2/);
    const future = parseWireManifest(toCanonical({ ...(JSON.parse(wire) as Record<string, unknown>), version: 'ratify/v3' } as never));
    expect(future).toMatchObject({ ok: false, error: 'unsupported_version' });
    expect(!future.ok && future.detail).toContain('ratify/v3');
  });
});

describe('manifest invariants', () => {
  const q0 = aftraDraft.questions[0]!;
  const officer = officerDraft.questions[0]!;
  const members = aftraDraft.trustees.members;
  const identityHex = toHex(g.encodeElement(g.identity));
  const otherPoint = toHex(g.encodeElement(g.generator));
  const withQuestion = (q: object): ManifestDraft => ({ ...officerDraft, questions: [{ ...officer, ...q } as ManifestDraft['questions'][number]] });

  it('accepts a choose-k-of-n officer ballot', () => {
    expect(createManifest(officerDraft).ok).toBe(true);
  });

  it.each<[string, ManifestDraft, string]>([
    ['a credential authority key that is the identity', { ...aftraDraft, credentialAuthority: { mode: 'offline', publicKey: identityHex } }, 'invalid_authority_key'],
    ['a credential authority key that is not a group element', { ...aftraDraft, credentialAuthority: { mode: 'server', publicKey: 'ff'.repeat(32) } }, 'invalid_authority_key'],
    ['opens after it closes', { ...aftraDraft, schedule: { opensAt: '2008-07-08T03:00:00Z', closesAt: '2008-06-20T16:00:00Z' } }, 'schedule_order'],
    ['opens when it closes', { ...aftraDraft, schedule: { opensAt: '2008-07-08T03:00:00Z', closesAt: '2008-07-08T03:00:00Z' } }, 'schedule_order'],
    ['record date after opening', { ...aftraDraft, recordDate: '2008-06-21' }, 'record_date_after_open'],
    ['duplicate question ids', { ...aftraDraft, questions: [q0, q0] }, 'duplicate_question_id'],
    ['duplicate option ids', withQuestion({ options: [{ id: 'a', text: 'A' }, { id: 'a', text: 'B' }] }), 'duplicate_option_id'],
    ['max below min', withQuestion({ min: 3, max: 2 }), 'max_below_min'],
    ['max above the options', withQuestion({ max: 5 }), 'max_exceeds_options'],
    ['min 0 without blank allowed', { ...aftraDraft, questions: [{ ...q0, min: 0, blankAllowed: false }] }, 'blank_mismatch'],
    ['plurality on a yes/no question', { ...aftraDraft, questions: [{ ...q0, rule: { kind: 'plurality', seats: 1 } }] }, 'rule_kind_mismatch'],
    ['ratification on a choose question', withQuestion({ rule: { kind: 'ratification', blankPolicy: 'excluded' } }), 'rule_kind_mismatch'],
    ['more seats than options', withQuestion({ rule: { kind: 'plurality', seats: 5 } }), 'seats_exceed_options'],
    ['a threshold below half', { ...sagDraft, questions: [{ ...sagDraft.questions[0]!, rule: { kind: 'supermajority', threshold: { numerator: 1, denominator: 3 }, blankPolicy: 'excluded' } }] }, 'threshold_out_of_range'],
    ['a floor above one', { ...aftraDraft, questions: [{ ...q0, rule: { kind: 'ratification', blankPolicy: 'excluded', turnoutFloor: { numerator: 3, denominator: 2 } } }] }, 'floor_out_of_range'],
    ['k > n', { ...aftraDraft, trustees: { threshold: 4, members } }, 'threshold_exceeds_trustees'],
    ['duplicate trustee ids', { ...aftraDraft, trustees: { threshold: 2, members: [members[0]!, members[0]!, members[2]!] } }, 'duplicate_trustee_id'],
    ['too few commitments', { ...aftraDraft, trustees: { threshold: 2, members: [{ ...members[0]!, commitments: [members[0]!.commitments[0]!] }, members[1]!, members[2]!] } }, 'commitment_count_mismatch'],
    ['an identity commitment', { ...aftraDraft, trustees: { threshold: 2, members: [{ ...members[0]!, commitments: [members[0]!.commitments[0]!, identityHex] }, members[1]!, members[2]!] } }, 'invalid_group_element'],
    ['a non-canonical commitment', { ...aftraDraft, trustees: { threshold: 2, members: [{ ...members[0]!, commitments: [members[0]!.commitments[0]!, 'ff'.repeat(32)] }, members[1]!, members[2]!] } }, 'invalid_group_element'],
    ['an identity joint key', { ...aftraDraft, jointPublicKey: identityHex }, 'invalid_group_element'],
    ['a joint key that is not the sum of the commitments', { ...aftraDraft, jointPublicKey: otherPoint }, 'joint_key_mismatch'],
    ['a follow-up on an unknown question', { ...aftraDraft, followUps: [{ questionId: 'nope', outcome: 'failed', text: 'x' }] }, 'follow_up_unknown_question'],
    ['a follow-up on an impossible outcome', { ...aftraDraft, followUps: [{ questionId: 'ratify', outcome: 'turnout_not_met', text: 'x' }] }, 'follow_up_impossible_outcome'],
    ['a duplicate follow-up', { ...aftraDraft, followUps: [{ questionId: 'ratify', outcome: 'failed', text: 'x' }, { questionId: 'ratify', outcome: 'failed', text: 'y' }] }, 'duplicate_follow_up'],
  ])('%s', (_, draft, expected) => {
    const r = createManifest(draft);
    expect(r.ok ? 'ok' : r.error).toBe(expected);
    // The same failure on the wire path: build the text by hand from the draft (bypassing the builder).
    const wire = toWireManifest({ version: 'ratify/v2', revotePolicy: 'last_counts', followUps: [], ...draft } as never);
    const parsed = parseWireManifest(wire);
    expect(parsed.ok ? 'ok' : parsed.error).toBe(expected);
  });
});

describe('the election id (§M3, decision 0016)', () => {
  const other = { ...aftraDraft, electionId: 'ff'.repeat(16) };
  it('enters the fingerprint: two manifests differing only in it have different fingerprints', () => {
    expect(aftraDraft.electionId).not.toBe(other.electionId);
    expect(electionFingerprintHex(unwrap(createManifest(other)))).not.toBe(electionFingerprintHex(aftraManifest()));
  });
  it('enters the ceremony context', () => {
    const m = aftraManifest();
    const ids = m.trustees.members.map((t) => t.id);
    expect(toHex(manifestCeremonyContext(m))).toBe(toHex(ceremonyContext(m, m.trustees.threshold, ids)));
    expect(toHex(ceremonyContext(other, m.trustees.threshold, ids))).not.toBe(toHex(manifestCeremonyContext(m)));
  });
});

describe('purpose: what the vote decides (optional, additive, signed)', () => {
  it('round-trips, changes the fingerprint, and leaves a manifest without it byte-for-byte as before', () => {
    const plain = aftraManifest();
    const strike = unwrap(createManifest({ ...sagDraft, purpose: 'strike_authorization' }));
    expect(strike.purpose).toBe('strike_authorization');
    expect(unwrap(parseWireManifest(toWireManifest(strike)))).toEqual(strike);
    expect(toWireManifest(strike)).toContain('"purpose":"strike_authorization"');
    expect(toWireManifest(plain)).not.toContain('purpose');
    const sag = sagManifest();
    expect(toHex(electionFingerprint(strike))).not.toBe(toHex(electionFingerprint(sag)));
  });

  it('refuses a purpose it does not know', () => {
    const wire = toWireManifest(sagManifest()).replace('"questions"', '"purpose":"coronation","questions"');
    const parsed = parseWireManifest(wire);
    expect(parsed.ok ? 'ok' : parsed.error).toBe('schema_mismatch');
  });

  it('reads a vote without one from its questions: election, ratification of a bound offer, else other', () => {
    const purposeOf = (d: ManifestDraft) => inferredPurpose(unwrap(createManifest(d)));
    expect(purposeOf(officerDraft)).toBe('election');
    expect(purposeOf(sagDraft)).toBe('other');
    expect(purposeOf(aftraDraft)).toBe('other');
    const offer = { id: 'final-offer', title: 'Final offer', digest: '0'.repeat(64) };
    const withOffer = (d: ManifestDraft): ManifestDraft => ({ ...d, linkedOfferId: offer.id, information: { summary: 'S', statements: [], offer } });
    expect(purposeOf(withOffer(aftraDraft))).toBe('ratification');
    expect(purposeOf(withOffer(sagDraft))).toBe('other');
    expect(purposeOf({ ...withOffer(aftraDraft), purpose: 'strike_authorization' })).toBe('strike_authorization');
  });
});
