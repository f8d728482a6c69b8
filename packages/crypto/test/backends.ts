// The two ristretto255 backends side by side, for the differential tests. Not a test file itself.
// The native one is built from the addon directly (not through "#backend"), so these tests compare
// the two whatever RATIFY_CRYPTO_BACKEND says. Without a built addon they are skipped, visibly,
// unless RATIFY_CRYPTO_BACKEND=native, where a missing addon is a failure (CI runs that way).
import { type Group } from '../src/index.ts';
import { loadNativeBinding } from '../src/native/binding.ts';
import { createNativeRistretto255 } from '../src/native/ristretto255-native.ts';
import { referenceRistretto255 } from '../src/ristretto255.ts';

const loaded = loadNativeBinding();
if (!loaded.ok && process.env['RATIFY_CRYPTO_BACKEND'] === 'native')
  throw new Error(
    `RATIFY_CRYPTO_BACKEND=native but the addon is unavailable: ${loaded.detail ?? loaded.error}`,
  );

/** True when the native addon is built (else the differential suites skip). */
export const nativeAvailable = loaded.ok;
export const nativeBinding = loaded.ok ? loaded.value : undefined;

/** The native backend (throws when called without the addon: guard suites with nativeAvailable). */
export function nativeGroup(options: Parameters<typeof createNativeRistretto255>[1] = {}): Group {
  if (!nativeBinding) throw new Error('native addon not built');
  return createNativeRistretto255(nativeBinding, options);
}

export const reference: Group = referenceRistretto255;
export const native: Group | undefined = nativeBinding ? nativeGroup() : undefined;

/** [name, group] for every available backend, for describe.each. */
export const BACKENDS: readonly (readonly [string, Group])[] = native
  ? [
      ['native', native],
      ['reference', reference],
    ]
  : [['reference', reference]];
