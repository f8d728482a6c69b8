// Chooses the ristretto255 backend for a Node process, from RATIFY_CRYPTO_BACKEND:
//   unset / "auto"  the native addon if it is built and passes its self-test, else the pure-TypeScript
//                   reference with ONE line on stderr (main thread only, so worker pools stay quiet);
//   "native"        the native addon, or an Error at startup (CI uses it to prove the fast path ran);
//   "reference"     the pure-TypeScript backend (@noble/curves), silently.
// Pure apart from its injected effects, so the fallback and the refusals are unit-tested.
import type { Group } from '../group.ts';
import { type Result, err, ok } from '../result.ts';
import { referenceRistretto255 } from '../ristretto255.ts';
import type { NativeBinding } from '../native/binding.ts';
import type { CryptoBackendInfo } from './info.ts';
import { createNativeRistretto255 } from '../native/ristretto255-native.ts';

export const BACKEND_ENV = 'RATIFY_CRYPTO_BACKEND';

/** RFC 9496 Appendix A.1 [2]B: the self-test every loaded addon must pass before it is used. */
const TWO_B = '6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919';

function selfTest(group: Group): boolean {
  const two = group.add(group.generator, group.generator);
  const viaMultiply = group.baseMultiply(group.scalars.fromBigint(2));
  const hex = Array.from(group.encodeElement(two), (b) => b.toString(16).padStart(2, '0')).join('');
  return hex === TWO_B && group.equals(two, viaMultiply);
}

export function nativeGroup(
  load: () => Result<NativeBinding, string>,
): Result<Group, 'not_built' | 'load_failed' | 'self_test_failed'> {
  const binding = load();
  if (!binding.ok) return err(binding.error === 'not_built' ? 'not_built' : 'load_failed', binding.detail);
  let group: Group;
  try {
    group = createNativeRistretto255(binding.value);
    if (!selfTest(group)) return err('self_test_failed', 'the native addon computed a wrong [2]B');
  } catch (e) {
    return err('self_test_failed', `the native addon failed its self-test: ${(e as Error).message}`);
  }
  return ok(group);
}

export function selectBackend(
  setting: string | undefined,
  load: () => Result<NativeBinding, string>,
  notice: (line: string) => void,
): { readonly group: Group; readonly info: CryptoBackendInfo } {
  const choice = setting === undefined || setting === '' ? 'auto' : setting;
  if (choice === 'reference')
    return { group: referenceRistretto255, info: { name: 'reference', reason: `${BACKEND_ENV}=reference` } };
  if (choice !== 'auto' && choice !== 'native')
    throw new Error(`${BACKEND_ENV} must be auto, native or reference (got ${JSON.stringify(setting)})`);
  const native = nativeGroup(load);
  if (native.ok) return { group: native.value, info: { name: 'native', reason: 'native addon loaded' } };
  const why = native.detail ?? native.error;
  if (choice === 'native')
    throw new Error(
      `${BACKEND_ENV}=native but the native ristretto255 backend is unavailable: ${why} (run npm run build:native)`,
    );
  notice(
    `ratify: native ristretto255 backend unavailable (${why}); using the pure-TypeScript backend, verification is about 10× slower (npm run build:native builds it)`,
  );
  return { group: referenceRistretto255, info: { name: 'reference', reason: why } };
}
