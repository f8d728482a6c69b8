// The credential authority (docs/protocol.md §B1.1; Belenios spec, "Credential authority" and
// "Signed messages"; decision 0017). The manifest commits to the authority's public key and says who
// holds the private one: the election committee with the CLI (`offline`), or the server (`server`,
// decision 0006, which leaves the vote open to ballot stuffing by the operator). The authority signs
// the published list of public credentials and every replacement of a credential; the verifier
// accepts a list or a replacement only with a valid signature. Signatures are Schnorr signatures
// (§5.3) under the election fingerprint as context, over a message hashed under its own domain
// label, so a list signature is never a replacement signature, nor a ballot signature. Pure.
import {
  type ChallengeResponse,
  type Group,
  type GroupElement,
  type RandomSource,
  type Result,
  type Scalar,
  err,
  fromHex,
  hashItems,
  ok,
  signMessage,
  systemRandom,
  toHex,
  u64be,
  verifySignature,
} from '@ratify/crypto';
import { decodeChallengeResponseAt, toWireChallengeResponse, type WireChallengeResponse } from './codec/v1/common.ts';

export type CredentialAuthorityMode = 'offline' | 'server';
/** What the manifest commits to: who holds the authority's private key, and its public key (32-byte hex). */
export type CredentialAuthority = { readonly mode: CredentialAuthorityMode; readonly publicKey: string };

export const CREDENTIAL_LIST_DOMAIN = 'ratify/v2/credential-authority/credential-list';
export const CREDENTIAL_REPLACEMENT_DOMAIN = 'ratify/v2/credential-authority/credential-replacement';

export type AuthoritySignatureError = 'invalid_authority_key' | 'invalid_authority_signature' | 'malformed_authority_signature' | 'malformed_credential';

const credentialBytes = (hex: string): Uint8Array => {
  const b = hex.length === 64 ? fromHex(hex) : undefined;
  if (b === undefined) throw new Error('a public credential is 64 hex characters');
  return b;
};
const isCredentialHex = (hex: string): boolean => /^[0-9a-f]{64}$/.test(hex);

/** M_list = hashItems(CREDENTIAL_LIST_DOMAIN, [fingerprint, count, credential[0..n)]) — the list in published (sorted) order. */
export function credentialListMessage(fingerprint: Uint8Array, credentials: readonly string[]): Uint8Array {
  return hashItems(CREDENTIAL_LIST_DOMAIN, [
    ['fingerprint', fingerprint],
    ['count', u64be(credentials.length)],
    ...credentials.map((c, i) => [`credential[${i}]`, credentialBytes(c)] as const),
  ]);
}

/** M_repl = hashItems(CREDENTIAL_REPLACEMENT_DOMAIN, [fingerprint, revoked, added]). */
export function credentialReplacementMessage(fingerprint: Uint8Array, revoked: string, added: string): Uint8Array {
  return hashItems(CREDENTIAL_REPLACEMENT_DOMAIN, [
    ['fingerprint', fingerprint],
    ['revoked', credentialBytes(revoked)],
    ['added', credentialBytes(added)],
  ]);
}

/** An authority key pair. The secret never reaches the server in offline mode. */
export type AuthorityKeyPair = { readonly secret: Scalar; readonly publicKey: GroupElement };

export function generateAuthorityKey(group: Group, rng: RandomSource = systemRandom): AuthorityKeyPair {
  const secret = group.scalars.randomNonZero(rng);
  return { secret, publicKey: group.baseMultiply(secret) };
}

/** The authority key pair from a 64-byte seed (wide reduction), e.g. a KDF output; refuses a zero scalar. */
export function authorityKeyFromSeed(group: Group, seed: Uint8Array): AuthorityKeyPair {
  if (seed.length !== 64) throw new Error('an authority key seed is 64 bytes');
  const secret = group.scalars.fromWideBytes(seed);
  if (secret === 0n) throw new Error('zero authority key'); // probability 2^-252
  return { secret, publicKey: group.baseMultiply(secret) };
}

export const authorityPublicKeyHex = (group: Group, key: AuthorityKeyPair): string => toHex(group.encodeElement(key.publicKey));

function sign(group: Group, key: AuthorityKeyPair, fingerprint: Uint8Array, message: Uint8Array, rng: RandomSource): WireChallengeResponse {
  return toWireChallengeResponse(group, signMessage(group, key.secret, key.publicKey, message, fingerprint, rng));
}

export function signCredentialList(
  group: Group,
  key: AuthorityKeyPair,
  fingerprint: Uint8Array,
  credentials: readonly string[],
  rng: RandomSource = systemRandom,
): WireChallengeResponse {
  return sign(group, key, fingerprint, credentialListMessage(fingerprint, credentials), rng);
}

export function signCredentialReplacement(
  group: Group,
  key: AuthorityKeyPair,
  fingerprint: Uint8Array,
  revoked: string,
  added: string,
  rng: RandomSource = systemRandom,
): WireChallengeResponse {
  return sign(group, key, fingerprint, credentialReplacementMessage(fingerprint, revoked, added), rng);
}

/** Decodes the manifest's authority key: a valid, non-identity group element. */
export function decodeAuthorityKey(group: Group, publicKeyHex: string): Result<GroupElement, 'invalid_authority_key'> {
  const bytes = isCredentialHex(publicKeyHex) ? fromHex(publicKeyHex) : undefined;
  const point = bytes === undefined ? undefined : group.decodeElement(bytes);
  if (point === undefined || !point.ok) return err('invalid_authority_key', 'the credential authority key is not a valid group element');
  if (group.isIdentity(point.value)) return err('invalid_authority_key', 'the credential authority key is the identity');
  return ok(point.value);
}

function check(group: Group, publicKeyHex: string, fingerprint: Uint8Array, message: () => Uint8Array, wire: unknown): Result<true, AuthoritySignatureError> {
  const key = decodeAuthorityKey(group, publicKeyHex);
  if (!key.ok) return key;
  const w = wire as Partial<WireChallengeResponse> | null;
  if (
    typeof w !== 'object' || w === null || Object.keys(w).sort().join() !== 'challenge,response' ||
    typeof w.challenge !== 'string' || typeof w.response !== 'string'
  )
    return err('malformed_authority_signature', 'the signature must be {challenge, response}');
  const decoded = decodeChallengeResponseAt(group, w as WireChallengeResponse, '$.authoritySignature');
  if (!decoded.ok) return err('malformed_authority_signature', decoded.detail ?? decoded.error);
  const signature: ChallengeResponse = decoded.value;
  return verifySignature(group, key.value, message(), signature, fingerprint)
    ? ok(true)
    : err('invalid_authority_signature', 'the credential authority did not sign this');
}

/** Checks the authority's signature on a credential list (hex, in the order published). */
export function verifyCredentialList(
  group: Group,
  publicKeyHex: string,
  fingerprint: Uint8Array,
  credentials: readonly string[],
  signature: unknown,
): Result<true, AuthoritySignatureError> {
  if (!credentials.every(isCredentialHex)) return err('malformed_credential', 'a credential is not 64 lowercase hex characters');
  return check(group, publicKeyHex, fingerprint, () => credentialListMessage(fingerprint, credentials), signature);
}

/** Checks the authority's signature on a replacement `revoked → added`. */
export function verifyCredentialReplacement(
  group: Group,
  publicKeyHex: string,
  fingerprint: Uint8Array,
  revoked: string,
  added: string,
  signature: unknown,
): Result<true, AuthoritySignatureError> {
  if (!isCredentialHex(revoked) || !isCredentialHex(added)) return err('malformed_credential', 'a credential is not 64 lowercase hex characters');
  return check(group, publicKeyHex, fingerprint, () => credentialReplacementMessage(fingerprint, revoked, added), signature);
}
