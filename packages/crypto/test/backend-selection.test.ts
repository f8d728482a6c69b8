// Which backend `ristretto255` is in Node (src/backend/select.ts): native when the addon loads and
// passes its self-test; otherwise the reference with exactly one line on stderr; RATIFY_CRYPTO_BACKEND
// forces either (native fails loudly when unavailable); anything else is refused at startup.
import { describe, expect, it } from 'vitest';
import { cryptoBackend, err, referenceRistretto255, ristretto255 } from '../src/index.ts';
import { type NativeBinding, loadNativeBinding } from '../src/native/binding.ts';
import { selectBackend } from '../src/backend/select.ts';
import { nativeAvailable, nativeBinding } from './backends.ts';

const notBuilt = () => err('not_built', 'the native addon is not built');
const neverCalled = () => {
  throw new Error('the loader must not be called');
};

function collect() {
  const lines: string[] = [];
  return { lines, notice: (line: string) => lines.push(line) };
}

describe('backend selection', () => {
  it('this process runs the backend RATIFY_CRYPTO_BACKEND asks for (CI runs both)', () => {
    const asked = process.env['RATIFY_CRYPTO_BACKEND'];
    if (asked === 'native' || asked === 'reference') expect(cryptoBackend.name).toBe(asked);
    if (cryptoBackend.name === 'reference') expect(ristretto255).toBe(referenceRistretto255);
    else expect(ristretto255).not.toBe(referenceRistretto255);
  });

  it('reference: the pure-TypeScript backend, no notice, the addon never loaded', () => {
    const { lines, notice } = collect();
    const s = selectBackend('reference', neverCalled, notice);
    expect(s.group).toBe(referenceRistretto255);
    expect(s.info.name).toBe('reference');
    expect(lines).toEqual([]);
  });

  it.each([undefined, '', 'auto'])(
    'auto (%j) without the addon: the reference and ONE line of notice',
    (setting) => {
      const { lines, notice } = collect();
      const s = selectBackend(setting, notBuilt, notice);
      expect(s.group).toBe(referenceRistretto255);
      expect(s.info).toEqual({ name: 'reference', reason: 'the native addon is not built' });
      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toContain('\n');
      expect(lines[0]).toMatch(
        /^ratify: native ristretto255 backend unavailable \(the native addon is not built\); using the pure-TypeScript backend/,
      );
    },
  );

  it('native forced without the addon: a loud startup error', () => {
    expect(() => selectBackend('native', notBuilt, () => {})).toThrow(
      /RATIFY_CRYPTO_BACKEND=native but the native ristretto255 backend is unavailable/,
    );
  });

  it('an unknown setting is refused', () => {
    expect(() => selectBackend('fast', notBuilt, () => {})).toThrow(/must be auto, native or reference/);
  });

  it('a missing addon file and a file that is not the addon are load failures, not crashes', () => {
    expect(loadNativeBinding(new URL('file:///nonexistent/ratify_ristretto255.node'))).toMatchObject({
      ok: false,
      error: 'not_built',
    });
    // package.json loads (as JSON) but has none of the addon's functions
    expect(loadNativeBinding(new URL('../package.json', import.meta.url))).toMatchObject({
      ok: false,
      error: 'load_failed',
    });
  });

  describe.skipIf(!nativeAvailable)('with the addon built', () => {
    it('auto and native pick it, silently', () => {
      for (const setting of [undefined, 'native']) {
        const { lines, notice } = collect();
        const s = selectBackend(setting, () => ({ ok: true, value: nativeBinding! }), notice);
        expect(s.info.name).toBe('native');
        expect(lines).toEqual([]);
      }
    });

    it('an addon that computes wrong results fails its self-test: fallback (auto) or error (native)', () => {
      const broken: NativeBinding = { ...nativeBinding!, add: (out, a) => out.set(a) }; // a + b = a
      const { lines, notice } = collect();
      const s = selectBackend('auto', () => ({ ok: true, value: broken }), notice);
      expect(s.group).toBe(referenceRistretto255);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('wrong [2]B');
      expect(() =>
        selectBackend(
          'native',
          () => ({ ok: true, value: broken }),
          () => {},
        ),
      ).toThrow(/wrong \[2\]B/);
    });
  });
});
