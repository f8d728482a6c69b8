// The credential authority's key file (mode 0600; docs/protocol.md §B1.1, decision 0017): kept by the
// election committee on its own machine, never sent to the server. It signs the public credential
// list (`ratify credentials generate --authority`) and every replacement (`ratify credentials
// replace`). Decoded strictly: the scalar range-checked, the public key recomputed and compared.
import { type Group, fromHex, toHex } from '@ratify/crypto';
import { type AuthorityKeyPair, authorityPublicKeyHex } from '@ratify/protocol';
import { existsSync } from 'node:fs';
import { isObject, readJson, refuse, writeText } from './io.ts';

export const AUTHORITY_FORMAT = 'ratify-credential-authority/v1';

export async function writeAuthorityKey(group: Group, path: string, key: AuthorityKeyPair): Promise<void> {
  if (existsSync(path)) refuse('file_exists', `${path} exists: an authority key file is never overwritten`);
  const doc = {
    format: AUTHORITY_FORMAT,
    warning: 'SECRET: the credential authority key of the election committee. Keep it offline; never give it to the server.',
    publicKey: authorityPublicKeyHex(group, key),
    secretKey: toHex(group.scalars.encode(key.secret)),
  };
  await writeText(path, `${JSON.stringify(doc, null, 2)}\n`, { secret: true });
}

export async function readAuthorityKey(group: Group, path: string): Promise<AuthorityKeyPair> {
  const doc = await readJson(path);
  const bad = (what: string): never => refuse('invalid_authority_key_file', `${path}: ${what}`);
  if (!isObject(doc) || doc['format'] !== AUTHORITY_FORMAT) return bad(`not a ${AUTHORITY_FORMAT} file`);
  const secretHex = doc['secretKey'];
  const bytes = typeof secretHex === 'string' ? fromHex(secretHex) : undefined;
  const secret = bytes === undefined ? undefined : group.scalars.decode(bytes);
  if (secret === undefined || !secret.ok || secret.value === 0n) return bad('secretKey is not a canonical non-zero scalar (64 hex characters)');
  const key = { secret: secret.value, publicKey: group.baseMultiply(secret.value) };
  if (doc['publicKey'] !== authorityPublicKeyHex(group, key)) bad('publicKey does not belong to secretKey');
  return key;
}
