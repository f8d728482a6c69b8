// A trustee's secret material as the browser holds it during the key ceremony and after the close:
// the share-encryption key pair, the polynomial (until the key share is derived), the commitments
// message made from it, the encrypted shares message with its openings (share + nonce per
// recipient, kept to answer a complaint by revealing), and the derived key share. toWire/parseWire for the key file's payload (hex,
// every scalar range-checked and every point decoded with its group check), and the ceremony steps
// as pure functions over the public messages. Must not touch the DOM, the network or storage.
import {
  type CommitmentsMessage,
  type Group,
  type RandomSource,
  type Scalar,
  type ShareOpening,
  type ThresholdParameters,
  type TrusteeKey,
  type TrusteePolynomial,
  collectShares,
  createKeyConfirmation,
  createPartialDecryption,
  createShareReveal,
  createShares,
  createTrusteeCommitments,
  deriveTrusteeKey,
  fromHex,
  generateTrusteeEncryptionKey,
  toHex,
  type GroupElement,
} from '@ratify/crypto';
import { encodeCeremonyMessage, encodePartialDecryption, parseWireCeremonyMessage, parseWireEncryptedTally } from '@ratify/protocol';
import { z } from 'zod';

export type TrusteeMaterial = {
  readonly draftId: string;
  readonly parameters: ThresholdParameters;
  readonly trustee: number;
  readonly encryptionSecret: Scalar;
  readonly polynomial: TrusteePolynomial;
  /** The commitments message's canonical text, made with `polynomial` (public; kept so a retry sends the same). */
  readonly commitmentsText: string;
  /** My encrypted shares message (canonical text, published as is) and its openings; null before that step. */
  readonly shares: { readonly text: string; readonly openings: readonly ShareOpening[] } | null;
  readonly key: TrusteeKey | null;
};

const hex = z.string().regex(/^[0-9a-f]+$/).max(4096);
const wireSchema = z.strictObject({
  kind: z.literal('ratify-trustee-material/v1'),
  draftId: z.string().max(64),
  context: hex,
  threshold: z.int().min(1).max(64),
  trusteeCount: z.int().min(1).max(64),
  trustee: z.int().min(1).max(64),
  encryptionSecret: hex,
  polynomial: z.array(hex).min(1).max(64),
  commitmentsText: z.string().max(65536),
  // Absent in files saved before the shares step kept its openings.
  shares: z.strictObject({ text: z.string().max(1 << 20), openings: z.array(z.strictObject({ recipient: z.int().min(1).max(64), share: hex, nonce: hex })).max(64) }).nullable().optional(),
  key: z.strictObject({ secretShare: hex, jointPublicKey: hex, publicKeyShares: z.array(hex).min(1).max(64) }).nullable(),
});

export function toWireTrusteeMaterial(group: Group, m: TrusteeMaterial): string {
  const s = (x: Scalar) => toHex(group.scalars.encode(x));
  const e = (x: GroupElement) => toHex(group.encodeElement(x));
  return JSON.stringify({
    kind: 'ratify-trustee-material/v1',
    draftId: m.draftId,
    context: toHex(m.parameters.context),
    threshold: m.parameters.threshold,
    trusteeCount: m.parameters.trusteeCount,
    trustee: m.trustee,
    encryptionSecret: s(m.encryptionSecret),
    polynomial: m.polynomial.coefficients.map(s),
    commitmentsText: m.commitmentsText,
    shares: m.shares === null ? null : { text: m.shares.text, openings: m.shares.openings.map((o) => ({ recipient: o.recipient, share: s(o.share), nonce: s(o.nonce) })) },
    key: m.key === null ? null : { secretShare: s(m.key.secretShare), jointPublicKey: e(m.key.jointPublicKey), publicKeyShares: m.key.publicKeyShares.map(e) },
  });
}

export function parseWireTrusteeMaterial(group: Group, text: string): TrusteeMaterial | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const r = wireSchema.safeParse(json);
  if (!r.success) return null;
  const w = r.data;
  const scalar = (h: string) => {
    const bytes = fromHex(h);
    const d = bytes === undefined ? undefined : group.scalars.decode(bytes);
    return d?.ok ? d.value : null;
  };
  const element = (h: string) => {
    const bytes = fromHex(h);
    const d = bytes === undefined ? undefined : group.decodeElement(bytes);
    return d?.ok ? d.value : null;
  };
  const context = fromHex(w.context);
  const encryptionSecret = scalar(w.encryptionSecret);
  const coefficients = w.polynomial.map(scalar);
  if (context === undefined || encryptionSecret === null || coefficients.some((c) => c === null)) return null;
  if (w.trustee > w.trusteeCount || w.threshold > w.trusteeCount || coefficients.length !== w.threshold) return null;
  let shares: TrusteeMaterial['shares'] = null;
  if (w.shares !== undefined && w.shares !== null) {
    const openings = w.shares.openings.map((o) => ({ recipient: o.recipient, share: scalar(o.share), nonce: scalar(o.nonce) }));
    if (openings.some((o) => o.share === null || o.nonce === null || o.recipient > w.trusteeCount || o.recipient === w.trustee)) return null;
    shares = { text: w.shares.text, openings: openings as ShareOpening[] };
  }
  let key: TrusteeKey | null = null;
  if (w.key !== null) {
    const secretShare = scalar(w.key.secretShare);
    const jointPublicKey = element(w.key.jointPublicKey);
    const publicKeyShares = w.key.publicKeyShares.map(element);
    if (secretShare === null || jointPublicKey === null || publicKeyShares.some((p) => p === null) || publicKeyShares.length !== w.trusteeCount) return null;
    key = { trustee: w.trustee, threshold: w.threshold, secretShare, jointPublicKey, publicKeyShares: publicKeyShares as GroupElement[] };
  }
  return {
    draftId: w.draftId,
    parameters: { context, threshold: w.threshold, trusteeCount: w.trusteeCount },
    trustee: w.trustee,
    encryptionSecret,
    polynomial: { trustee: w.trustee, coefficients: coefficients as Scalar[] },
    commitmentsText: w.commitmentsText,
    shares,
    key,
  };
}

/** Step 1: a fresh encryption key and polynomial, and the commitments message made from them. */
export function generateTrusteeMaterial(group: Group, draftId: string, parameters: ThresholdParameters, trustee: number, rng?: RandomSource): TrusteeMaterial {
  const encryptionKey = generateTrusteeEncryptionKey(group, rng);
  const round1 = createTrusteeCommitments(group, parameters, trustee, encryptionKey, rng);
  return {
    draftId, parameters, trustee,
    encryptionSecret: encryptionKey.secretKey,
    polynomial: round1.polynomial,
    commitmentsText: encodeCeremonyMessage(group, round1.message),
    shares: null,
    key: null,
  };
}

export type StepError = { readonly code: string; readonly detail: string };

function parseAll(group: Group, texts: readonly string[]) {
  const out = [];
  for (const t of texts) {
    const m = parseWireCeremonyMessage(group, t);
    if (!m.ok) return { ok: false as const, error: { code: 'bad_message', detail: m.error } };
    out.push(m.value);
  }
  return { ok: true as const, value: out };
}

const encryptionKeyOf = (group: Group, m: TrusteeMaterial) => ({ secretKey: m.encryptionSecret, publicKey: group.baseMultiply(m.encryptionSecret) });

/**
 * Step 2: my encrypted shares for every other trustee, from everyone's commitments, kept in the
 * material with their openings (saved in the key file before they are published, so a complaint
 * can be answered later). Material that already has its shares keeps them (the same text is sent).
 */
export function makeShares(group: Group, m: TrusteeMaterial, messageTexts: readonly string[], rng?: RandomSource): { ok: true; value: TrusteeMaterial } | { ok: false; error: StepError } {
  if (m.shares !== null) return { ok: true, value: m };
  const all = parseAll(group, messageTexts);
  if (!all.ok) return all;
  const commitments = all.value.filter((x): x is CommitmentsMessage => x.kind === 'commitments');
  const made = createShares(group, m.parameters, m.polynomial, commitments, rng);
  return { ok: true, value: { ...m, shares: { text: encodeCeremonyMessage(group, made.message), openings: made.openings } } };
}

/**
 * The complaints I must file: every share sent to me that fails its check (and has no valid reveal
 * yet), minus the complaints already among the messages. Canonical texts, to post as they are.
 */
export function complaintsToFile(group: Group, m: TrusteeMaterial, messageTexts: readonly string[]): { ok: true; value: string[] } | { ok: false; error: StepError } {
  const all = parseAll(group, messageTexts);
  if (!all.ok) return all;
  const { complaints } = collectShares(group, m.parameters, m.trustee, encryptionKeyOf(group, m), all.value);
  const filed = new Set(all.value.flatMap((x) => (x.kind === 'complaint' ? [`${x.accuser}/${x.accused}`] : [])));
  return { ok: true, value: complaints.filter((c) => !filed.has(`${c.accuser}/${c.accused}`)).map((c) => encodeCeremonyMessage(group, c)) };
}

/** My answers to complaints from `accusers`: each disputed share and its nonce, from the key file's openings. */
export function makeRevealTexts(group: Group, m: TrusteeMaterial, accusers: readonly number[]): { ok: true; value: string[] } | { ok: false; error: StepError } {
  if (m.shares === null) return { ok: false, error: { code: 'no_openings', detail: 'this key file was saved before your shares were made' } };
  const out: string[] = [];
  for (const accuser of accusers) {
    const opening = m.shares.openings.find((o) => o.recipient === accuser);
    if (opening === undefined) return { ok: false, error: { code: 'no_opening', detail: `no share for trustee ${accuser} in this key file` } };
    out.push(encodeCeremonyMessage(group, createShareReveal(m.trustee, opening)));
  }
  return { ok: true, value: out };
}

/** Step 3: decrypt and check my shares, derive my key share, and confirm it. */
export function deriveAndConfirm(group: Group, m: TrusteeMaterial, messageTexts: readonly string[], rng?: RandomSource): { ok: true; value: { material: TrusteeMaterial; confirmationText: string } } | { ok: false; error: StepError } {
  const all = parseAll(group, messageTexts);
  if (!all.ok) return all;
  const { shares, complaints } = collectShares(group, m.parameters, m.trustee, encryptionKeyOf(group, m), all.value);
  if (complaints.length > 0) return { ok: false, error: { code: 'bad_share', detail: `complaints against trustees ${complaints.map((c) => c.accused).join(', ')}` } };
  const commitments = all.value.filter((x): x is CommitmentsMessage => x.kind === 'commitments');
  const key = deriveTrusteeKey(group, m.parameters, m.polynomial, shares, commitments);
  if (!key.ok) return { ok: false, error: { code: key.error, detail: key.detail ?? key.error } };
  const confirmationText = encodeCeremonyMessage(group, createKeyConfirmation(group, m.parameters, key.value, rng));
  return { ok: true, value: { material: { ...m, key: key.value }, confirmationText } };
}

/** After the close: my partial decryption of the tally, with its proof bound to the election fingerprint. */
export function makePartialDecryptionText(group: Group, m: TrusteeMaterial, tallyText: string, fingerprintHex: string, rng?: RandomSource): { ok: true; value: string } | { ok: false; error: StepError } {
  if (m.key === null) return { ok: false, error: { code: 'no_key_share', detail: 'this key file has no key share yet' } };
  const tally = parseWireEncryptedTally(group, tallyText);
  if (!tally.ok) return { ok: false, error: { code: 'bad_tally', detail: tally.error } };
  const fingerprint = fromHex(fingerprintHex);
  if (fingerprint === undefined) return { ok: false, error: { code: 'bad_tally', detail: 'fingerprint' } };
  const ciphertexts = tally.value.flatMap((row) => [...row]);
  return { ok: true, value: encodePartialDecryption(group, createPartialDecryption(group, m.key, ciphertexts, fingerprint, rng)) };
}
