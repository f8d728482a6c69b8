// The complaint sub-round of the key ceremony as the trustee pages run it (trustee/trustee-material.ts
// and trustee/complaints.ts): shares are kept with their openings and survive the key file; a share
// that fails its check becomes a complaint naming its sender; an accused trustee answers from the key
// file by revealing the disputed share, which resolves an unfounded complaint and exposes a bad
// share; the table rows say who complained about whom and whether it was answered.
import { type ThresholdParameters, checkCeremony, createComplaint, ristretto255, seededRandom } from '@ratify/crypto';
import { encodeCeremonyMessage, parseWireCeremonyMessage } from '@ratify/protocol';
import { describe, expect, it } from 'vitest';
import { complaintRows, unansweredAgainst, unansweredBy } from '../src/trustee/complaints.ts';
import {
  type TrusteeMaterial,
  complaintsToFile,
  deriveAndConfirm,
  generateTrusteeMaterial,
  makeRevealTexts,
  makeShares,
  parseWireTrusteeMaterial,
  toWireTrusteeMaterial,
} from '../src/trustee/trustee-material.ts';

const group = ristretto255;
const params: ThresholdParameters = { context: new Uint8Array(64).fill(9), threshold: 2, trusteeCount: 3 };
const status = (texts: readonly string[]) => checkCeremony(group, params, texts.map((t) => {
  const m = parseWireCeremonyMessage(group, t);
  if (!m.ok) throw new Error(m.error);
  return m.value;
}));

/** Three trustees' material, everyone's commitments, and everyone's prepared shares. */
function ceremonyAfterShares(seed: string) {
  const rng = seededRandom(seed);
  let materials: TrusteeMaterial[] = [1, 2, 3].map((i) => generateTrusteeMaterial(group, 'd1', params, i, rng));
  const texts = materials.map((m) => m.commitmentsText);
  materials = materials.map((m) => {
    const made = makeShares(group, m, texts, rng);
    if (!made.ok) throw new Error(made.error.detail);
    return made.value;
  });
  return { rng, materials, texts: [...texts, ...materials.map((m) => m.shares!.text)] };
}

describe('shares with their openings', () => {
  it('keeps the shares message and one opening per other trustee, through the key file, and reuses them', () => {
    const { materials, texts } = ceremonyAfterShares('openings');
    const m = materials[0]!;
    expect(m.shares!.openings.map((o) => o.recipient)).toEqual([2, 3]);
    const back = parseWireTrusteeMaterial(group, toWireTrusteeMaterial(group, m));
    expect(back?.shares?.text).toBe(m.shares!.text);
    expect(back && toWireTrusteeMaterial(group, back)).toBe(toWireTrusteeMaterial(group, m));
    const again = makeShares(group, m, texts);
    expect(again.ok && again.value.shares!.text).toBe(m.shares!.text);
    // Older files (no `shares` field) still open, with no openings.
    const wire = JSON.parse(toWireTrusteeMaterial(group, m)) as Record<string, unknown>;
    delete wire['shares'];
    expect(parseWireTrusteeMaterial(group, JSON.stringify(wire))?.shares).toBeNull();
    // An opening for oneself or a non-canonical scalar is refused.
    const bad = JSON.parse(toWireTrusteeMaterial(group, m)) as { shares: { openings: { recipient: number; share: string }[] } };
    bad.shares.openings[0]!.recipient = 1;
    expect(parseWireTrusteeMaterial(group, JSON.stringify(bad))).toBeNull();
    bad.shares.openings[0]!.recipient = 2;
    bad.shares.openings[0]!.share = 'ff'.repeat(32);
    expect(parseWireTrusteeMaterial(group, JSON.stringify(bad))).toBeNull();
  });

  it('files no complaint when every share checks out', () => {
    const { materials, texts } = ceremonyAfterShares('honest');
    for (const m of materials) expect(complaintsToFile(group, m, texts)).toEqual({ ok: true, value: [] });
    expect(status(texts).kind).toBe('awaiting_confirmations');
  });
});

describe('complaints and reveals', () => {
  it('answers an unfounded complaint by revealing the share; the ceremony then completes', () => {
    const { rng, materials, texts } = ceremonyAfterShares('unfounded');
    const complaint = encodeCeremonyMessage(group, createComplaint(2, { ok: false, error: 'bad_share', trustee: 1 }));
    const withComplaint = [...texts, complaint];
    expect(status(withComplaint)).toMatchObject({ kind: 'awaiting_reveals', pending: [{ accuser: 2, accused: 1 }] });
    // Trustee 2 has already complained: nothing more to file.
    expect(complaintsToFile(group, materials[1]!, withComplaint)).toEqual({ ok: true, value: [] });
    const reveals = makeRevealTexts(group, materials[0]!, [2]);
    if (!reveals.ok) throw new Error(reveals.error.detail);
    expect(reveals.value).toHaveLength(1);
    const answered = [...withComplaint, ...reveals.value];
    expect(status(answered).kind).toBe('awaiting_confirmations');
    const confirmations = materials.map((m) => {
      const d = deriveAndConfirm(group, m, answered, rng);
      if (!d.ok) throw new Error(d.error.detail);
      return d.value.confirmationText;
    });
    expect(status([...answered, ...confirmations]).kind).toBe('complete');
  });

  it('turns a bad share into a complaint naming its sender, and its reveal fails the ceremony naming them', () => {
    const { rng, materials, texts } = ceremonyAfterShares('cheat');
    // Trustee 1 sends shares from another polynomial than the one it committed to.
    const other = generateTrusteeMaterial(group, 'd1', params, 1, rng);
    const forged = makeShares(group, { ...other, shares: null }, texts.slice(0, 3), rng);
    if (!forged.ok) throw new Error('forge');
    const published = [...texts.slice(0, 3), forged.value.shares!.text, ...texts.slice(4)];
    const filed = complaintsToFile(group, materials[1]!, published);
    expect(filed.ok && filed.value.map((c) => JSON.parse(c) as { accuser: number; accused: number })).toMatchObject([{ accuser: 2, accused: 1 }]);
    const reveal = makeRevealTexts(group, forged.value, [2]);
    if (!reveal.ok || !filed.ok) throw new Error('reveal');
    const verdict = status([...published, ...filed.value, ...reveal.value]);
    expect(verdict.kind).toBe('failed');
    expect(verdict.kind === 'failed' && verdict.problems.map((p) => p.trustee)).toContain(1);
  });

  it('cannot reveal from a key file saved before the shares were made, nor for a trustee it sent nothing', () => {
    const { materials } = ceremonyAfterShares('no-openings');
    const initial = generateTrusteeMaterial(group, 'd1', params, 1, seededRandom('x'));
    expect(makeRevealTexts(group, initial, [2])).toMatchObject({ ok: false, error: { code: 'no_openings' } });
    expect(makeRevealTexts(group, materials[0]!, [1])).toMatchObject({ ok: false, error: { code: 'no_opening' } });
  });
});

describe('complaint rows', () => {
  const trustee = (index: number, name: string, complaints: number[], reveals: number[]) => ({
    index, id: `t${index}`, name, account: name.toLowerCase(), commitments: true, shares: true, confirmation: false, complaints, reveals,
  });
  it('lists each complaint with whether the accused has answered it', () => {
    const ceremony = { trustees: [trustee(1, 'Ana', [], [2]), trustee(2, 'Ben', [1, 3], []), trustee(3, 'Cyd', [1], [])] };
    expect(complaintRows(ceremony).map((r) => [r.accuserName, r.accusedName, r.answered])).toEqual([
      ['Ben', 'Ana', true],
      ['Ben', 'Cyd', false],
      ['Cyd', 'Ana', false],
    ]);
    expect(unansweredAgainst(ceremony, 1).map((r) => r.accuser)).toEqual([3]);
    expect(unansweredAgainst(ceremony, 2)).toEqual([]);
    expect(unansweredBy(ceremony, 2).map((r) => r.accused)).toEqual([3]);
    expect(complaintRows({ trustees: [trustee(1, 'Ana', [], []), trustee(2, 'Ben', [], [])] })).toEqual([]);
  });
});
