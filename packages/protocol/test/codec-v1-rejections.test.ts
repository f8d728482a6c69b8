// Bad inputs for the `ratify/v2` wire codecs, each refused with its code (and the JSON path where
// one applies): non-canonical bytes, shape errors, invalid points, the identity where forbidden,
// non-canonical scalars, oversize input. Bad texts are built from fixtures, never hand-written.
import { describe, expect, it } from 'vitest';
import { bigintToBytesLE, toHex } from '@ratify/crypto';
import { toCanonical, type CanonicalValue } from '../src/codec/canonical-json.ts';
import {
  encodeBallot,
  encodeCeremonyMessage,
  encodeEncryptedTally,
  encodePartialDecryption,
  MAX_BALLOT_BYTES,
  parseWireBallot,
  parseWireCeremonyMessage,
  parseWireEncryptedTally,
  parseWirePartialDecryption,
  type WireBallot,
  type WireCommitmentsMessage,
  type WireComplaintMessage,
  type WireEncryptedTally,
  type WireKeyConfirmationMessage,
  type WirePartialDecryption,
  type WireShareRevealMessage,
  type WireSharesMessage,
} from '../src/codec/v1/index.ts';
import { buildWireV1Fixtures, group as g } from '../../../test-vectors/protocol/wire-v1/fixtures.ts';

const f = buildWireV1Fixtures('codec-v1-rejections');
const ballotText = encodeBallot(g, f.ballots[0]!);
const byKind = (kind: string) => encodeCeremonyMessage(g, f.messages.find((m) => m.kind === kind)!);

const INVALID_POINT = 'ff'.repeat(32);
const IDENTITY = '00'.repeat(32);
const ORDER_HEX = toHex(bigintToBytesLE(g.scalars.order, 32)); // ℓ itself: one past the largest scalar

type Mutable<T> = T extends string | number ? T : { -readonly [K in keyof T]: Mutable<T[K]> };
/** Re-encodes `text` canonically after `change` edits its parsed wire value (a builder for bad inputs). */
function edit<W>(text: string, change: (w: Mutable<W>) => void): string {
  const value = JSON.parse(text) as Mutable<W>;
  change(value);
  return toCanonical(value as CanonicalValue);
}
const editBallot = (change: (b: Mutable<WireBallot>) => void) => edit(ballotText, change);
/** Sets a key the type does not have (an unknown key, a wrong version or kind). */
const set = (target: object, key: string, value: CanonicalValue) => void Object.assign(target, { [key]: value });
const drop = (target: object, key: string) => void Reflect.deleteProperty(target, key);

describe('non_canonical', () => {
  const cases: [string, string][] = [
    ['a space after a colon', ballotText.replace('":', '": ')],
    ['a trailing newline', `${ballotText}\n`],
    ['keys out of order', `{"version":"ratify/v2",${ballotText.slice(1).replace(',"version":"ratify/v2"', '')}`],
    ['uppercase hex in a point', editBallot((b) => (b.credential = b.credential.toUpperCase()))],
    ['uppercase hex in the fingerprint', editBallot((b) => (b.fingerprint = b.fingerprint.toUpperCase()))],
    ['uppercase hex in a scalar', editBallot((b) => (b.signature.response = b.signature.response.toUpperCase()))],
  ];
  it.each(cases)('ballot with %s', (_, text) => {
    expect(text).not.toBe(ballotText);
    expect(parseWireBallot(g, text)).toMatchObject({ ok: false, error: 'non_canonical' });
  });

  it('names the path of uppercase hex', () => {
    const text = editBallot((b) => {
      const c = b.answers[1]!.choices[2]!.ciphertext;
      c.beta = c.beta.toUpperCase();
    });
    expect(parseWireBallot(g, text)).toEqual({
      ok: false,
      error: 'non_canonical',
      detail: '$.answers[1].choices[2].ciphertext.beta: hex must be lowercase',
    });
  });

  it('other wire objects with whitespace or uppercase hex', () => {
    expect(parseWireEncryptedTally(g, ` ${encodeEncryptedTally(g, f.tally)}`)).toMatchObject({ error: 'non_canonical' });
    expect(parseWireCeremonyMessage(g, byKind('complaint').replace(',', ', '))).toMatchObject({ error: 'non_canonical' });
    const partial = edit<WirePartialDecryption>(encodePartialDecryption(g, f.partialDecryption), (p) => {
      p.factors[0] = p.factors[0]!.toUpperCase();
    });
    expect(parseWirePartialDecryption(g, partial)).toMatchObject({
      error: 'non_canonical',
      detail: expect.stringMatching(/^\$\.factors\[0\]:/),
    });
  });
});

describe('schema_mismatch', () => {
  const cases: [string, string][] = [
    ['an unknown top-level key', editBallot((b) => set(b, 'extra', 'x'))],
    ['an unknown nested key', editBallot((b) => set(b.answers[0]!.choices[0]!.ciphertext, 'gamma', IDENTITY))],
    ['a missing key', editBallot((b) => drop(b, 'signature'))],
    ['a wrong version', editBallot((b) => set(b, 'version', 'ratify/v1'))],
    ['a short point', editBallot((b) => (b.credential = b.credential.slice(2)))],
    ['a non-hex character', editBallot((b) => (b.credential = `g${b.credential.slice(1)}`))],
    ['a bad vote id', editBallot((b) => (b.vote = 'Not A Slug'))],
    ['a 3-pair choice proof', editBallot((b) => b.answers[0]!.choices[0]!.proof.push(b.signature))],
    ['an overall proof longer than options + 1', editBallot((b) => b.answers[0]!.overall.push(b.signature, b.signature, b.signature))],
    ['no answers', editBallot((b) => (b.answers = []))],
    ['a number where hex belongs', editBallot((b) => set(b, 'credential', 7))],
  ];
  it.each(cases)('ballot with %s', (_, text) => {
    expect(parseWireBallot(g, text)).toMatchObject({ ok: false, error: 'schema_mismatch' });
  });

  it('ceremony messages: unknown kind, unknown key, bad index, bad reason, missing key, wrong version', () => {
    const bad = [
      edit<WireComplaintMessage>(byKind('complaint'), (m) => set(m, 'kind', 'accusation')),
      edit<WireKeyConfirmationMessage>(byKind('key_confirmation'), (m) => set(m, 'extra', 1)),
      edit<WireKeyConfirmationMessage>(byKind('key_confirmation'), (m) => (m.trustee = 0)),
      edit<WireCommitmentsMessage>(byKind('commitments'), (m) => (m.trustee = 65)),
      edit<WireComplaintMessage>(byKind('complaint'), (m) => set(m, 'reason', 'rude')),
      edit<WireShareRevealMessage>(byKind('share_reveal'), (m) => drop(m, 'nonce')),
      edit<WireSharesMessage>(byKind('encrypted_shares'), (m) => (m.shares[0]!.tag = m.shares[0]!.tag.slice(2))),
      edit<WireCommitmentsMessage>(byKind('commitments'), (m) => set(m, 'version', 'ratify/v0')),
      edit<WireCommitmentsMessage>(byKind('commitments'), (m) => (m.coefficients = [])),
    ];
    for (const text of bad) expect(parseWireCeremonyMessage(g, text)).toMatchObject({ ok: false, error: 'schema_mismatch' });
  });

  it('tally and partial decryption: unknown key, ragged factor/proof lists, wrong version', () => {
    const tally = encodeEncryptedTally(g, f.tally);
    expect(parseWireEncryptedTally(g, edit<WireEncryptedTally>(tally, (t) => set(t, 'extra', [])))).toMatchObject({
      error: 'schema_mismatch',
    });
    expect(parseWireEncryptedTally(g, edit<WireEncryptedTally>(tally, (t) => drop(t, 'version')))).toMatchObject({
      error: 'schema_mismatch',
    });
    const partial = edit<WirePartialDecryption>(encodePartialDecryption(g, f.partialDecryption), (p) => p.proofs.pop());
    expect(parseWirePartialDecryption(g, partial)).toMatchObject({ error: 'schema_mismatch' });
  });
});

describe('group elements and scalars, with the JSON path', () => {
  it.each<[string, (b: Mutable<WireBallot>) => void, string, string]>([
    ['an invalid credential', (b) => (b.credential = INVALID_POINT), 'invalid_element', '$.credential'],
    [
      'an invalid β',
      (b) => (b.answers[1]!.choices[0]!.ciphertext.beta = INVALID_POINT),
      'invalid_element',
      '$.answers[1].choices[0].ciphertext.beta',
    ],
    [
      'an identity α',
      (b) => (b.answers[0]!.choices[1]!.ciphertext.alpha = IDENTITY),
      'identity',
      '$.answers[0].choices[1].ciphertext.alpha',
    ],
    ['an identity credential', (b) => (b.credential = IDENTITY), 'identity', '$.credential'],
    [
      'ℓ as a proof challenge',
      (b) => (b.answers[0]!.choices[0]!.proof[1]!.challenge = ORDER_HEX),
      'non_canonical_scalar',
      '$.answers[0].choices[0].proof[1].challenge',
    ],
    [
      'ℓ as an overall response',
      (b) => (b.answers[1]!.overall[0]!.response = ORDER_HEX),
      'non_canonical_scalar',
      '$.answers[1].overall[0].response',
    ],
    ['ℓ as the signature response', (b) => (b.signature.response = ORDER_HEX), 'non_canonical_scalar', '$.signature.response'],
  ])('ballot with %s', (_, change, code, path) => {
    const result = parseWireBallot(g, editBallot(change));
    expect(result).toMatchObject({ ok: false, error: code });
    expect(!result.ok && result.detail?.startsWith(`${path}:`)).toBe(true);
  });

  it('a ballot β may be the identity (it is only the proofs that then fail)', () => {
    const text = editBallot((b) => (b.answers[0]!.choices[0]!.ciphertext.beta = IDENTITY));
    expect(parseWireBallot(g, text).ok).toBe(true);
  });

  it('ceremony messages: identity keys and commitments, invalid ephemeral keys, ℓ as a share', () => {
    const commitments = (change: (m: Mutable<WireCommitmentsMessage>) => void) => edit(byKind('commitments'), change);
    const shares = (change: (m: Mutable<WireSharesMessage>) => void) => edit(byKind('encrypted_shares'), change);
    const reveal = (change: (m: Mutable<WireShareRevealMessage>) => void) => edit(byKind('share_reveal'), change);
    const confirmation = (change: (m: Mutable<WireKeyConfirmationMessage>) => void) => edit(byKind('key_confirmation'), change);
    const cases: [string, string, string][] = [
      [commitments((m) => (m.encryptionKey = IDENTITY)), 'identity', '$.encryptionKey'],
      [commitments((m) => (m.coefficients[1]!.commitment = IDENTITY)), 'identity', '$.coefficients[1].commitment'],
      [commitments((m) => (m.coefficients[0]!.commitment = INVALID_POINT)), 'invalid_element', '$.coefficients[0].commitment'],
      [commitments((m) => (m.coefficients[0]!.proof.response = ORDER_HEX)), 'non_canonical_scalar', '$.coefficients[0].proof.response'],
      [shares((m) => (m.shares[1]!.ephemeral = INVALID_POINT)), 'invalid_element', '$.shares[1].ephemeral'],
      [shares((m) => (m.shares[0]!.ephemeral = IDENTITY)), 'identity', '$.shares[0].ephemeral'],
      [shares((m) => (m.shares[0]!.masked = m.shares[0]!.masked.toUpperCase())), 'non_canonical', '$.shares[0].masked'],
      [reveal((m) => (m.share = ORDER_HEX)), 'non_canonical_scalar', '$.share'],
      [reveal((m) => (m.nonce = 'ff'.repeat(32))), 'non_canonical_scalar', '$.nonce'],
      [confirmation((m) => (m.publicKeyShare = IDENTITY)), 'identity', '$.publicKeyShare'],
      [confirmation((m) => (m.publicKeyShare = INVALID_POINT)), 'invalid_element', '$.publicKeyShare'],
      [confirmation((m) => (m.proof.challenge = ORDER_HEX)), 'non_canonical_scalar', '$.proof.challenge'],
    ];
    for (const [text, code, path] of cases) {
      const result = parseWireCeremonyMessage(g, text);
      expect(result).toMatchObject({ ok: false, error: code });
      expect(!result.ok && result.detail?.startsWith(`${path}:`)).toBe(true);
    }
  });

  it('tally: the identity is allowed, invalid points are not', () => {
    const tally = (change: (t: Mutable<WireEncryptedTally>) => void) => edit(encodeEncryptedTally(g, f.tally), change);
    expect(parseWireEncryptedTally(g, tally((t) => (t.questions[0]![1]!.alpha = IDENTITY))).ok).toBe(true);
    expect(parseWireEncryptedTally(g, tally((t) => (t.questions[1]![2]!.alpha = INVALID_POINT)))).toEqual({
      ok: false,
      error: 'invalid_element',
      detail: '$.questions[1][2].alpha: not a canonical ristretto255 element encoding',
    });
  });

  it('partial decryption: identity factors are allowed, invalid points and ℓ are not', () => {
    const partial = (change: (p: Mutable<WirePartialDecryption>) => void) =>
      edit(encodePartialDecryption(g, f.partialDecryption), change);
    expect(parseWirePartialDecryption(g, partial((p) => (p.factors[0] = IDENTITY))).ok).toBe(true);
    expect(parseWirePartialDecryption(g, partial((p) => (p.factors[2] = INVALID_POINT)))).toMatchObject({
      error: 'invalid_element',
      detail: expect.stringMatching(/^\$\.factors\[2\]:/),
    });
    expect(parseWirePartialDecryption(g, partial((p) => (p.proofs[3]!.response = ORDER_HEX)))).toMatchObject({
      error: 'non_canonical_scalar',
      detail: expect.stringMatching(/^\$\.proofs\[3\]\.response:/),
    });
  });
});

describe('too_large', () => {
  it('refuses a ballot text of 256 KiB or more before parsing it', () => {
    const padded = ballotText.slice(0, -1) + ' '.repeat(MAX_BALLOT_BYTES - ballotText.length) + '}';
    expect(padded.length).toBe(MAX_BALLOT_BYTES);
    expect(parseWireBallot(g, padded)).toMatchObject({ ok: false, error: 'too_large' });
    // One byte less gets past the size check (and is then refused for its whitespace).
    expect(parseWireBallot(g, padded.slice(0, -2) + '}')).toMatchObject({ ok: false, error: 'non_canonical' });
    expect(parseWireBallot(g, 'x'.repeat(10 * MAX_BALLOT_BYTES))).toMatchObject({ ok: false, error: 'too_large' });
    // Multi-byte characters count in UTF-8 bytes.
    expect(parseWireBallot(g, `"${'é'.repeat(MAX_BALLOT_BYTES / 2)}"`)).toMatchObject({ ok: false, error: 'too_large' });
  });

  it('refuses oversize ceremony messages and deep nesting', () => {
    expect(parseWireCeremonyMessage(g, ' '.repeat(65 * 1024))).toMatchObject({ ok: false, error: 'too_large' });
    expect(parseWireEncryptedTally(g, '['.repeat(20) + ']'.repeat(20))).toMatchObject({ ok: false, error: 'too_large' });
  });
});
