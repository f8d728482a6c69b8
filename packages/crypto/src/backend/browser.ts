// "#backend" for browsers and any bundler without the "node" condition: the pure-TypeScript
// reference (@noble/curves). Must not import anything Node-specific (tested: test/backend-boundary).
import { referenceRistretto255 } from '../ristretto255.ts';
import type { CryptoBackendInfo } from './info.ts';

/** The default group of the protocol: ristretto255, pure TypeScript in browsers. */
export const ristretto255 = referenceRistretto255;
/** Which backend `ristretto255` is, and why. */
export const cryptoBackend: CryptoBackendInfo = { name: 'reference', reason: 'browser build' };
