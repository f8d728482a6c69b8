// Schnorr proof of knowledge of a discrete log, and Schnorr signatures (docs/protocol.md §5.2, §5.3).
// Proof of knowledge (Belenios spec §4.4 "Schnorr"; ElectionGuard 2.1 §3.2.2 uses it for the
// coefficient commitments): statement X = g^x.
//   prover:   w ←$ Zℓ; A = g^w; c = H(ctx, X, A); s = w − c·x
//   verifier: A' = g^s · X^c; accept iff c = H(ctx, X, A') and X ≠ 1.
// Signature (the voter credential signs the ballot, Belenios spec §4.9): the same with the message
// in the transcript under its own domain tag, so a signature is never a valid proof and vice versa.
import type { Group, GroupElement } from '../group.ts';
import { type RandomSource, systemRandom } from '../random.ts';
import type { Scalar } from '../scalar.ts';
import { Transcript } from '../transcript.ts';
import type { ChallengeResponse } from './challenge-response.ts';

export const SCHNORR_POK_DOMAIN = 'ratify/v2/proof/schnorr-knowledge';
export const SCHNORR_SIGNATURE_DOMAIN = 'ratify/v2/signature/schnorr';

export type SchnorrProof = ChallengeResponse;
export type SchnorrSignature = ChallengeResponse;

function pokChallenge(group: Group, context: Uint8Array, publicKey: GroupElement, commitment: GroupElement): Scalar {
  return new Transcript(group, SCHNORR_POK_DOMAIN)
    .appendBytes('context', context)
    .appendElement('generator', group.generator)
    .appendElement('public_key', publicKey)
    .appendElement('commitment', commitment)
    .challenge();
}

export function proveKnowledge(
  group: Group,
  secret: Scalar,
  publicKey: GroupElement,
  context: Uint8Array,
  rng: RandomSource = systemRandom,
): SchnorrProof {
  const F = group.scalars;
  const w = F.randomNonZero(rng);
  const challenge = pokChallenge(group, context, publicKey, group.baseMultiply(w));
  return { challenge, response: F.sub(w, F.mul(challenge, secret)) };
}

export function verifyKnowledge(group: Group, publicKey: GroupElement, proof: SchnorrProof, context: Uint8Array): boolean {
  if (group.isIdentity(publicKey)) return false;
  const commitment = group.multiMultiplyPublic([group.generator, publicKey], [proof.response, proof.challenge]);
  return pokChallenge(group, context, publicKey, commitment) === proof.challenge;
}

function signatureChallenge(
  group: Group,
  context: Uint8Array,
  publicKey: GroupElement,
  message: Uint8Array,
  commitment: GroupElement,
): Scalar {
  return new Transcript(group, SCHNORR_SIGNATURE_DOMAIN)
    .appendBytes('context', context)
    .appendElement('public_key', publicKey)
    .appendBytes('message', message)
    .appendElement('commitment', commitment)
    .challenge();
}

export function signMessage(
  group: Group,
  secretKey: Scalar,
  publicKey: GroupElement,
  message: Uint8Array,
  context: Uint8Array,
  rng: RandomSource = systemRandom,
): SchnorrSignature {
  const F = group.scalars;
  const w = F.randomNonZero(rng);
  const challenge = signatureChallenge(group, context, publicKey, message, group.baseMultiply(w));
  return { challenge, response: F.sub(w, F.mul(challenge, secretKey)) };
}

export function verifySignature(
  group: Group,
  publicKey: GroupElement,
  message: Uint8Array,
  signature: SchnorrSignature,
  context: Uint8Array,
): boolean {
  if (group.isIdentity(publicKey)) return false;
  const commitment = group.multiMultiplyPublic([group.generator, publicKey], [signature.response, signature.challenge]);
  return signatureChallenge(group, context, publicKey, message, commitment) === signature.challenge;
}
