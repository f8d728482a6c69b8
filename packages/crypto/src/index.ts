// Public API of @ratify/crypto. Other packages import from here only.
export * from './result.ts';
export * from './bytes.ts';
export * from './random.ts';
export * from './scalar.ts';
export * from './group.ts';
export { createRistretto255, ristretto255, RISTRETTO255_ORDER } from './ristretto255.ts';
export * from './transcript.ts';
export * from './elgamal.ts';
export * from './proofs/index.ts';
export * from './threshold/index.ts';
export * from './dlog.ts';
export * from './sha256.ts';
