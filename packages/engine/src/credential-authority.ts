// The credential authority's key in server mode (decision 0006, 0017): when the server issues the
// credentials it is also the authority that signs the list and replacements. Its key is derived from
// RATIFY_SECRET_KEY, the vote id and its random election id (HKDF-SHA-512, protocol §M3), so a vote id used again
// gets another key, so no authority secret is ever stored: the same
// server secret gives the same key, and a server without it cannot sign for the vote.
// Offline mode never comes here: the committee's key file stays on the committee's machine.
import { hkdfSync } from 'node:crypto';
import { type Group, type RandomSource, systemRandom } from '@ratify/crypto';
import { type AuthorityKeyPair, type CredentialAuthorityMode, authorityKeyFromSeed, authorityPublicKeyHex, generateAuthorityKey } from '@ratify/protocol';

export const SERVER_AUTHORITY_INFO = 'ratify/v2/credential-authority/server-key';

export function serverAuthorityKey(group: Group, secretKey: Uint8Array, voteId: string, electionId: string): AuthorityKeyPair {
  const seed = new Uint8Array(hkdfSync('sha512', secretKey, new TextEncoder().encode(`${voteId}/${electionId}`), SERVER_AUTHORITY_INFO, 64));
  return authorityKeyFromSeed(group, seed);
}

/** An authority key pair with the manifest field that commits to it. */
export type VoteAuthority = {
  readonly key: AuthorityKeyPair;
  readonly credentialAuthority: { readonly mode: CredentialAuthorityMode; readonly publicKey: string };
};

/** The server-mode authority of a vote (key from RATIFY_SECRET_KEY, see serverAuthorityKey). */
export function serverAuthority(group: Group, secretKey: Uint8Array, voteId: string, electionId: string): VoteAuthority {
  const key = serverAuthorityKey(group, secretKey, voteId, electionId);
  return { key, credentialAuthority: { mode: 'server', publicKey: authorityPublicKeyHex(group, key) } };
}

/** A fresh authority key pair (the CLI's `credentials authority init`, simulations, tests). */
export function newAuthority(group: Group, mode: CredentialAuthorityMode, rng: RandomSource = systemRandom): VoteAuthority {
  const key = generateAuthorityKey(group, rng);
  return { key, credentialAuthority: { mode, publicKey: authorityPublicKeyHex(group, key) } };
}
