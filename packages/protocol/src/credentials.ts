// Voter credentials (docs/protocol.md §B1; Belenios spec §4.9 "credentials"). The credential
// authority — run offline by the administrator's CLI, never by the server — makes one private
// credential per voter per vote. Only the public credential g^s goes to the server and the record;
// every ballot is signed with s, so the server cannot produce a ballot that verifies.
// Private credential: 24 Crockford-base32 characters (22 random = 110 bits, 2 checksum), shown as
// four groups of six. The secret scalar is a wide reduction of a hash bound to the vote id and the
// random election id, so the same code is useless in another vote, even one reusing the vote id.
import {
  type Group,
  type GroupElement,
  type RandomSource,
  type Result,
  type Scalar,
  err,
  fromHex,
  hashItems,
  ok,
  systemRandom,
  utf8,
} from '@ratify/crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U
const DATA_CHARS = 22;
const CHECK_CHARS = 2;

declare const privateCredentialBrand: unique symbol;
/** Normalised private credential code (24 chars, no separators). Secret: never sent to the server. */
export type PrivateCredential = string & { readonly [privateCredentialBrand]: true };

export type CredentialParseError = 'bad_credential_format' | 'bad_credential_checksum';

function checksum(data: string): string {
  const h = hashItems('ratify/v2/credential-checksum', [['data', utf8(data)]]);
  return ALPHABET[h[0]! & 31]! + ALPHABET[h[1]! & 31]!;
}

export function generatePrivateCredential(rng: RandomSource = systemRandom): PrivateCredential {
  let data = '';
  while (data.length < DATA_CHARS) {
    for (const b of rng(32)) {
      // 256 = 8 × 32: taking b & 31 is unbiased.
      if (data.length < DATA_CHARS) data += ALPHABET[b & 31]!;
    }
  }
  return (data + checksum(data)) as PrivateCredential;
}

/** Accepts what a member may type: any case, spaces or hyphens, and Crockford's I/L→1, O→0. */
export function parsePrivateCredential(input: string): Result<PrivateCredential, CredentialParseError> {
  const s = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (s.length !== DATA_CHARS + CHECK_CHARS || [...s].some((c) => !ALPHABET.includes(c)))
    return err('bad_credential_format', `a credential is ${DATA_CHARS + CHECK_CHARS} characters of 0-9 and A-Z`);
  if (checksum(s.slice(0, DATA_CHARS)) !== s.slice(DATA_CHARS)) return err('bad_credential_checksum', 'typing error in the credential');
  return ok(s as PrivateCredential);
}

export function formatPrivateCredential(c: PrivateCredential): string {
  return c.match(/.{1,6}/g)!.join('-');
}

/**
 * Which election something is bound to: the vote id and the random election id of §M3. A manifest,
 * a vote definition and a ceremony file all have both.
 */
export type ElectionScope = { readonly voteId: string; readonly electionId: string };

/** s = wide-reduce(SHA-512(tag, vote id, election id, code)); the public credential is g^s (§B1). */
export function credentialSecret(group: Group, election: ElectionScope, credential: PrivateCredential): Scalar {
  const electionId = fromHex(election.electionId);
  if (electionId === undefined || electionId.length !== 16) throw new Error('credentialSecret: the election id must be 16 bytes of lowercase hex');
  const h = hashItems('ratify/v2/credential-secret', [
    ['vote', utf8(election.voteId)],
    ['election', electionId],
    ['credential', utf8(credential)],
  ]);
  const s = group.scalars.fromWideBytes(h);
  if (s === 0n) throw new Error('zero credential secret'); // probability 2^-252
  return s;
}

export function publicCredential(group: Group, election: ElectionScope, credential: PrivateCredential): GroupElement {
  return group.baseMultiply(credentialSecret(group, election, credential));
}
