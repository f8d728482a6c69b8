// Runs a whole trustee key ceremony in one process — for `ratify simulate`, demos and tests only.
// Real trustees run each step on their own device (CLI `ratify trustee …`, later the browser); the
// steps and messages are the same, only the transport differs.
import {
  type CeremonyMessage,
  type Group,
  type RandomSource,
  type ThresholdParameters,
  type TrusteeKey,
  collectShares,
  createKeyConfirmation,
  createShares,
  createTrusteeCommitments,
  deriveTrusteeKey,
  generateTrusteeEncryptionKey,
} from '@ratify/crypto';

export function runLocalCeremony(
  group: Group,
  parameters: ThresholdParameters,
  rng: RandomSource,
): { readonly messages: CeremonyMessage[]; readonly keys: TrusteeKey[] } {
  const n = parameters.trusteeCount;
  const encryptionKeys = Array.from({ length: n }, () => generateTrusteeEncryptionKey(group, rng));
  const round1 = encryptionKeys.map((key, i) => createTrusteeCommitments(group, parameters, i + 1, key, rng));
  const commitments = round1.map((r) => r.message);
  const round2 = round1.map((r) => createShares(group, parameters, r.polynomial, commitments, rng));
  const messages: CeremonyMessage[] = [...commitments, ...round2.map((r) => r.message)];
  const keys = round1.map((r, i) => {
    const { shares, complaints } = collectShares(group, parameters, i + 1, encryptionKeys[i]!, messages);
    if (complaints.length > 0) throw new Error(`trustee ${i + 1} complained`);
    const key = deriveTrusteeKey(group, parameters, r.polynomial, shares, commitments);
    if (!key.ok) throw new Error(`trustee ${i + 1}: ${key.error}`);
    return key.value;
  });
  messages.push(...keys.map((k) => createKeyConfirmation(group, parameters, k, rng)));
  return { messages, keys };
}
