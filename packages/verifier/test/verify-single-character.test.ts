// Property: changing any single character of any file of a small record makes verification fail.
// Positions are sampled with a seeded generator (file first, so small files are hit too); the
// replacement keeps the character class where it can (hex digit → another hex digit), which is the
// hardest case for a verifier: the file stays well-formed and only a value changes.
import { seededRandom } from '@ratify/crypto';
import { describe, expect, it } from 'vitest';
import { buildVote } from './record-builder.ts';
import { verify } from './helpers.ts';

const small = buildVote({ seed: 'single-character', voters: 3, revoters: [1], chooseQuestion: false, decryptors: [1, 2] });
const names = Object.keys(small.files).sort();
const rng = seededRandom('verifier-single-character-property');
const pick = (bound: number): number => {
  const b = rng(4);
  return (((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0) % bound;
};

function replacement(c: string): string {
  const pool = /[0-9a-f]/.test(c) ? '0123456789abcdef' : /[0-9]/.test(c) ? '0123456789' : /[a-z]/.test(c) ? 'abcdefghijklmnopqrstuvwxyz' : ' "{}[],:x0\n';
  let r = c;
  while (r === c) r = pool[pick(pool.length)]!;
  return r;
}

const SAMPLES = 200;
const BATCHES = 4;
const mutations = Array.from({ length: SAMPLES }, () => {
  const file = names[pick(names.length)]!;
  const text = small.files[file]!;
  const at = pick(text.length);
  return { file, at, from: text[at]!, to: replacement(text[at]!) };
});

describe('any single-character change of a record fails verification', () => {
  it('the unchanged small record passes', async () => {
    expect((await verify(small.files)).ok).toBe(true);
  });

  for (let batch = 0; batch < BATCHES; batch++) {
    const slice = mutations.slice((batch * SAMPLES) / BATCHES, ((batch + 1) * SAMPLES) / BATCHES);
    it(`positions ${batch * slice.length}–${(batch + 1) * slice.length - 1}`, { timeout: 120_000 }, async () => {
      for (const m of slice) {
        const text = small.files[m.file]!;
        const changed = { ...small.files, [m.file]: text.slice(0, m.at) + m.to + text.slice(m.at + 1) };
        const report = await verify(changed);
        expect(report.ok, `${m.file}[${m.at}] ${JSON.stringify(m.from)} → ${JSON.stringify(m.to)}`).toBe(false);
      }
    });
  }
});
