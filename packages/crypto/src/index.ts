// Public API of @ratify/crypto. Other packages import from here only.
export * from './result.ts';
export * from './bytes.ts';
export * from './random.ts';
export * from './scalar.ts';
export * from './group.ts';
export { createRistretto255, referenceRistretto255, RISTRETTO255_ORDER } from './ristretto255.ts';
// The default group: native in Node when built, the reference in browsers (package.json "imports").
export { ristretto255, cryptoBackend } from '#backend';
export type { CryptoBackendInfo, CryptoBackendName } from './backend/info.ts';
export * from './transcript.ts';
export * from './elgamal.ts';
export * from './proofs/index.ts';
export * from './threshold/index.ts';
export * from './dlog.ts';
export * from './sha256.ts';
