// Test builders for the threshold suites: runs a whole DKG in memory (no I/O) with a seeded RNG.
import { seededRandom, utf8, type Group, type RandomSource } from '../src/index.ts';
import {
  type CeremonyMessage,
  collectShares,
  createKeyConfirmation,
  createShares,
  createTrusteeCommitments,
  deriveTrusteeKey,
  generateTrusteeEncryptionKey,
  type ShareOpening,
  type ThresholdParameters,
  type TrusteeEncryptionKey,
  type TrusteeKey,
  type TrusteePolynomial,
} from '../src/threshold/index.ts';

export type Ceremony = {
  readonly parameters: ThresholdParameters;
  readonly encryptionKeys: readonly TrusteeEncryptionKey[];
  readonly polynomials: readonly TrusteePolynomial[];
  readonly openings: readonly (readonly ShareOpening[])[];
  readonly messages: readonly CeremonyMessage[];
  readonly keys: readonly TrusteeKey[];
};

export function parametersFor(threshold: number, trusteeCount: number, label = 'test'): ThresholdParameters {
  return { context: utf8(`ratify test ceremony ${label}`), threshold, trusteeCount };
}

/** Rounds 1 and 2 only (commitments and encrypted shares). */
export function runRounds(group: Group, parameters: ThresholdParameters, rng: RandomSource) {
  const n = parameters.trusteeCount;
  const encryptionKeys = Array.from({ length: n }, () => generateTrusteeEncryptionKey(group, rng));
  const round1 = encryptionKeys.map((key, i) => createTrusteeCommitments(group, parameters, i + 1, key, rng));
  const commitments = round1.map((r) => r.message);
  const round2 = round1.map((r) => createShares(group, parameters, r.polynomial, commitments, rng));
  return {
    encryptionKeys,
    polynomials: round1.map((r) => r.polynomial),
    commitments,
    shares: round2.map((r) => r.message),
    openings: round2.map((r) => r.openings),
  };
}

export function runCeremony(
  group: Group,
  threshold: number,
  trusteeCount: number,
  seed = `${threshold}-of-${trusteeCount}`,
): Ceremony {
  const rng = seededRandom(seed);
  const parameters = parametersFor(threshold, trusteeCount, seed);
  const r = runRounds(group, parameters, rng);
  const messages: CeremonyMessage[] = [...r.commitments, ...r.shares];
  const keys = r.polynomials.map((polynomial, i) => {
    const { shares, complaints } = collectShares(group, parameters, i + 1, r.encryptionKeys[i]!, messages);
    if (complaints.length > 0) throw new Error('unexpected complaint');
    const key = deriveTrusteeKey(group, parameters, polynomial, shares, r.commitments);
    if (!key.ok) throw new Error(key.error);
    return key.value;
  });
  messages.push(...keys.map((k) => createKeyConfirmation(group, parameters, k, rng)));
  return {
    parameters,
    encryptionKeys: r.encryptionKeys,
    polynomials: r.polynomials,
    openings: r.openings,
    messages,
    keys,
  };
}

/** All k-element subsets of [1..n]. */
export function subsets(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  if (n < k) return [];
  return [...subsets(n - 1, k), ...subsets(n - 1, k - 1).map((s) => [...s, n])];
}
