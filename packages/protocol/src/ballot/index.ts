export * from './types.ts';
export * from './encoding.ts';
export * from './create-check.ts';
