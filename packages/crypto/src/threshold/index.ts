// Public API of the threshold (k-of-n DKG + threshold decryption) module; re-exported by ../index.ts.
export * from './common.ts';
export * from './polynomial.ts';
export * from './commitments.ts';
export * from './share-encryption.ts';
export * from './shares.ts';
export * from './keys.ts';
export * from './decryption.ts';
export * from './ceremony.ts';
