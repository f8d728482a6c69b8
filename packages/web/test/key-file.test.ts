// The trustee key file (trustee/key-file.ts): seal/open round trip, a wrong passphrase refused, every
// tamper (ciphertext, iv, salt, iteration count, label) refused, non-files refused, and the secret
// material inside (trustee/trustee-material.ts) round-tripping with its group checks. Low iteration
// counts are passed explicitly to keep the suite fast; the default stays 600,000.
import { ristretto255, seededRandom } from '@ratify/crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ITERATIONS, openKeyFile, readKeyFileLabel, sealKeyFile } from '../src/trustee/key-file.ts';
import { generateTrusteeMaterial, parseWireTrusteeMaterial, toWireTrusteeMaterial } from '../src/trustee/trustee-material.ts';

const FAST = 2_000;
const PASS = 'correct horse battery staple';

describe('key file envelope', () => {
  it('defaults to at least 600,000 PBKDF2 iterations and stores the count', async () => {
    expect(DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const file = JSON.parse(await sealKeyFile('x', PASS, 'label', FAST)) as { kdf: { iterations: number; salt: string }; cipher: { iv: string }; version: number };
    expect(file.kdf.iterations).toBe(FAST);
    expect(file.version).toBe(1);
  });

  it('round-trips, and reads its label without the passphrase', async () => {
    const text = await sealKeyFile('secret payload ✓', PASS, 'draft d1, trustee 2', FAST);
    expect(text).not.toContain('secret payload');
    expect(readKeyFileLabel(text)).toBe('draft d1, trustee 2');
    expect(await openKeyFile(text, PASS)).toEqual({ ok: true, value: 'secret payload ✓' });
  });

  it('uses a fresh salt and iv each time', async () => {
    const a = JSON.parse(await sealKeyFile('p', PASS, 'l', FAST)) as { kdf: { salt: string }; cipher: { iv: string } };
    const b = JSON.parse(await sealKeyFile('p', PASS, 'l', FAST)) as { kdf: { salt: string }; cipher: { iv: string } };
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.iv).not.toBe(b.cipher.iv);
  });

  it('refuses a wrong passphrase', async () => {
    const text = await sealKeyFile('payload', PASS, 'l', FAST);
    expect(await openKeyFile(text, 'wrong passphrase')).toEqual({ ok: false, error: 'wrong_passphrase_or_tampered' });
  });

  it('refuses every tampered field', async () => {
    const text = await sealKeyFile('payload', PASS, 'label', FAST);
    const flip = (b64: string) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      bytes[0] = bytes[0]! ^ 1;
      return btoa(String.fromCharCode(...bytes));
    };
    type F = { label: string; kdf: { iterations: number; salt: string }; cipher: { iv: string }; ciphertext: string };
    const tampers: ((f: F) => void)[] = [
      (f) => void (f.ciphertext = flip(f.ciphertext)),
      (f) => void (f.cipher.iv = flip(f.cipher.iv)),
      (f) => void (f.kdf.salt = flip(f.kdf.salt)),
      (f) => void (f.kdf.iterations += 1),
      (f) => void (f.label = 'another label'),
    ];
    for (const tamper of tampers) {
      const f = JSON.parse(text) as F;
      tamper(f);
      expect(await openKeyFile(JSON.stringify(f), PASS)).toEqual({ ok: false, error: 'wrong_passphrase_or_tampered' });
    }
  });

  it('refuses what is not a key file', async () => {
    const text = await sealKeyFile('payload', PASS, 'l', FAST);
    const f = JSON.parse(text) as Record<string, unknown>;
    for (const bad of ['', 'not json', '{}', JSON.stringify({ ...f, version: 2 }), JSON.stringify({ ...f, extra: 1 }), JSON.stringify({ ...f, kdf: { name: 'PBKDF2-SHA-256', iterations: 10, salt: 'AAAA' } })]) {
      expect(await openKeyFile(bad, PASS)).toEqual({ ok: false, error: 'not_a_key_file' });
    }
    await expect(sealKeyFile('p', PASS, 'l', 10)).rejects.toThrow();
  });
});

describe('trustee material', () => {
  it('round-trips through its wire form and refuses a non-canonical scalar', () => {
    const group = ristretto255;
    const m = generateTrusteeMaterial(group, 'd1', { context: new Uint8Array(64).fill(7), threshold: 2, trusteeCount: 3 }, 2, seededRandom('material'));
    const text = toWireTrusteeMaterial(group, m);
    const back = parseWireTrusteeMaterial(group, text);
    expect(back && toWireTrusteeMaterial(group, back)).toBe(text);
    const wire = JSON.parse(text) as { encryptionSecret: string };
    expect(parseWireTrusteeMaterial(group, JSON.stringify({ ...wire, encryptionSecret: 'ff'.repeat(32) }))).toBeNull();
    expect(parseWireTrusteeMaterial(group, 'nope')).toBeNull();
  });
});
