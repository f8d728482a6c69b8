export * from './challenge-response.ts';
export * from './schnorr.ts';
export * from './chaum-pedersen.ts';
export * from './disjunctive.ts';
