// A trustee's secret state file (mode 0600, never leaves the trustee's machine): the share-encryption
// key, the polynomial, the share openings (kept to answer complaints) and, after round 3, the key
// share. Written after every step, so each step can run in a separate process. Decoded strictly:
// scalars range-checked, points group-checked. Must not be printed or sent anywhere.
import {
  type Group,
  type GroupElement,
  type KeyPair,
  type Scalar,
  type ShareOpening,
  type ThresholdParameters,
  type TrusteeKey,
  type TrusteePolynomial,
  fromHex,
  toHex,
} from '@ratify/crypto';
import { existsSync } from 'node:fs';
import { isObject, readJson, refuse, writeText } from './io.ts';

export const SECRET_FORMAT = 'ratify-trustee-secret/v1';

export type TrusteeSecret = {
  readonly voteId: string;
  readonly context: string;
  readonly trustee: number;
  readonly threshold: number;
  readonly trusteeCount: number;
  readonly encryptionKey: KeyPair;
  readonly polynomial: TrusteePolynomial;
  readonly openings?: readonly ShareOpening[];
  readonly key?: TrusteeKey;
};

const scalarHex = (g: Group, s: Scalar) => toHex(g.scalars.encode(s));
const elementHex = (g: Group, e: GroupElement) => toHex(g.encodeElement(e));

export async function writeSecret(group: Group, path: string, s: TrusteeSecret): Promise<void> {
  const doc = {
    format: SECRET_FORMAT,
    warning: 'SECRET: a trustee key share. Keep it on this machine; never send it to anyone.',
    voteId: s.voteId,
    context: s.context,
    trustee: s.trustee,
    threshold: s.threshold,
    trusteeCount: s.trusteeCount,
    encryptionKey: { secretKey: scalarHex(group, s.encryptionKey.secretKey), publicKey: elementHex(group, s.encryptionKey.publicKey) },
    polynomial: s.polynomial.coefficients.map((c) => scalarHex(group, c)),
    ...(s.openings && { openings: s.openings.map((o) => ({ recipient: o.recipient, share: scalarHex(group, o.share), nonce: scalarHex(group, o.nonce) })) }),
    ...(s.key && {
      key: {
        secretShare: scalarHex(group, s.key.secretShare),
        jointPublicKey: elementHex(group, s.key.jointPublicKey),
        publicKeyShares: s.key.publicKeyShares.map((e) => elementHex(group, e)),
      },
    }),
  };
  await writeText(path, `${JSON.stringify(doc, null, 2)}\n`, { secret: true });
}

export async function readSecret(group: Group, path: string): Promise<TrusteeSecret> {
  const bad = (what: string): never => refuse('invalid_secret_file', `${path}: ${what}`);
  const scalar = (v: unknown, where: string): Scalar => {
    const bytes = typeof v === 'string' ? fromHex(v) : undefined;
    const decoded = bytes && group.scalars.decode(bytes);
    return decoded?.ok ? decoded.value : bad(`${where} is not a scalar`);
  };
  const element = (v: unknown, where: string): GroupElement => {
    const bytes = typeof v === 'string' ? fromHex(v) : undefined;
    const decoded = bytes && group.decodeElement(bytes);
    return decoded?.ok ? decoded.value : bad(`${where} is not a group element`);
  };
  const index = (v: unknown, where: string): number => (Number.isSafeInteger(v) && (v as number) >= 1 ? (v as number) : bad(`${where} must be a positive integer`));
  const doc = await readJson(path);
  if (!isObject(doc) || doc['format'] !== SECRET_FORMAT) return bad(`expected format ${SECRET_FORMAT}`);
  if (typeof doc['voteId'] !== 'string' || typeof doc['context'] !== 'string') return bad('missing voteId or context');
  const trustee = index(doc['trustee'], 'trustee');
  const threshold = index(doc['threshold'], 'threshold');
  const trusteeCount = index(doc['trusteeCount'], 'trusteeCount');
  const ek = doc['encryptionKey'];
  if (!isObject(ek)) return bad('missing encryptionKey');
  const encryptionKey = { secretKey: scalar(ek['secretKey'], 'encryptionKey.secretKey'), publicKey: element(ek['publicKey'], 'encryptionKey.publicKey') };
  if (!group.equals(group.baseMultiply(encryptionKey.secretKey), encryptionKey.publicKey)) bad('encryptionKey does not match its secret');
  const poly = doc['polynomial'];
  if (!Array.isArray(poly) || poly.length !== threshold) return bad(`polynomial must have ${threshold} coefficients`);
  const openings = doc['openings'];
  const key = doc['key'];
  if (openings !== undefined && !Array.isArray(openings)) bad('openings must be an array');
  if (key !== undefined && !isObject(key)) bad('key must be an object');
  return {
    voteId: doc['voteId'],
    context: doc['context'],
    trustee,
    threshold,
    trusteeCount,
    encryptionKey,
    polynomial: { trustee, coefficients: poly.map((c, j) => scalar(c, `polynomial[${j}]`)) },
    ...(Array.isArray(openings) && {
      openings: openings.map((o: unknown, i) =>
        isObject(o)
          ? { recipient: index(o['recipient'], `openings[${i}].recipient`), share: scalar(o['share'], `openings[${i}].share`), nonce: scalar(o['nonce'], `openings[${i}].nonce`) }
          : bad(`openings[${i}]`),
      ),
    }),
    ...(isObject(key) && {
      key: {
        trustee,
        threshold,
        secretShare: scalar(key['secretShare'], 'key.secretShare'),
        jointPublicKey: element(key['jointPublicKey'], 'key.jointPublicKey'),
        publicKeyShares: Array.isArray(key['publicKeyShares'])
          ? key['publicKeyShares'].map((e: unknown, i) => element(e, `key.publicKeyShares[${i}]`))
          : bad('key.publicKeyShares must be an array'),
      },
    }),
  };
}

/** The secret must belong to this ceremony (same context, k, n). */
export function assertSameCeremony(secret: TrusteeSecret, parameters: ThresholdParameters, path: string): void {
  if (secret.context !== toHex(parameters.context) || secret.threshold !== parameters.threshold || secret.trusteeCount !== parameters.trusteeCount) {
    refuse('wrong_ceremony', `${path} belongs to another ceremony (vote ${secret.voteId})`);
  }
}

export function secretExists(path: string): boolean {
  return existsSync(path);
}
