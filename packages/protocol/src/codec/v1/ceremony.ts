// Wire codecs of the five key-ceremony messages, `ratify/v2` (wire-v1.md §W4; threshold.md §T2):
// one encoder per kind, `toWireCeremonyMessage` / `encodeCeremonyMessage` for any kind, and a single
// strict parser discriminated by `kind`. Public keys, commitments and ephemeral keys are never the
// identity. Must not check proofs, indices against the ceremony or share labels (checkCeremony does)
// and never carries secrets other than a revealed share (the CLI keeps a trustee's private state).
import {
  type CeremonyMessage,
  type CommitmentsMessage,
  type ComplaintMessage,
  type ComplaintReason,
  type EncryptedShare,
  type Group,
  type KeyConfirmationMessage,
  type SharesMessage,
  type ShareRevealMessage,
  assertNever,
  ok,
  toHex,
} from '@ratify/crypto';
import { z } from 'zod';
import { toCanonical } from '../canonical-json.ts';
import {
  decodeChallengeResponseAt,
  decodeEach,
  decodeElementAt,
  decodeHex,
  decodeScalarAt,
  elementToHex,
  groupSchemas,
  hexSchema,
  WIRE_MAX_TRUSTEES,
  parseWire,
  perGroup,
  scalarToHex,
  toWireChallengeResponse,
  trusteeIndexSchema,
  WIRE_MAX_DEPTH,
  WIRE_VERSION,
  type WireChallengeResponse,
  type WireResult,
} from './common.ts';

/** The largest message (64 commitments, or 63 encrypted shares) is about 20 KB. */
export const MAX_CEREMONY_MESSAGE_BYTES = 64 * 1024;
/** C2 = HMAC-SHA-512 tag of an encrypted share. */
export const SHARE_TAG_BYTES = 64;

export const COMPLAINT_REASONS = ['bad_share', 'authentication_failed', 'missing_share'] as const satisfies readonly ComplaintReason[];
// Fails to compile if crypto adds a reason this codec does not list.
const _allReasonsListed: (typeof COMPLAINT_REASONS)[number] = '' as ComplaintReason;

type V = { readonly version: typeof WIRE_VERSION };
export type WireCommitmentsMessage = V & {
  readonly kind: 'commitments';
  readonly trustee: number;
  readonly encryptionKey: string;
  readonly encryptionKeyProof: WireChallengeResponse;
  readonly coefficients: readonly { readonly commitment: string; readonly proof: WireChallengeResponse }[];
};
export type WireEncryptedShare = {
  readonly sender: number;
  readonly recipient: number;
  readonly ephemeral: string;
  readonly masked: string;
  readonly tag: string;
};
export type WireSharesMessage = V & {
  readonly kind: 'encrypted_shares';
  readonly sender: number;
  readonly shares: readonly WireEncryptedShare[];
};
export type WireComplaintMessage = V & {
  readonly kind: 'complaint';
  readonly accuser: number;
  readonly accused: number;
  readonly reason: ComplaintReason;
};
export type WireShareRevealMessage = V & {
  readonly kind: 'share_reveal';
  readonly sender: number;
  readonly recipient: number;
  readonly share: string;
  readonly nonce: string;
};
export type WireKeyConfirmationMessage = V & {
  readonly kind: 'key_confirmation';
  readonly trustee: number;
  readonly publicKeyShare: string;
  readonly proof: WireChallengeResponse;
};
export type WireCeremonyMessage =
  | WireCommitmentsMessage
  | WireSharesMessage
  | WireComplaintMessage
  | WireShareRevealMessage
  | WireKeyConfirmationMessage;

const ceremonySchema = perGroup((group: Group): z.ZodType<WireCeremonyMessage> => {
  const s = groupSchemas(group);
  const version = z.literal(WIRE_VERSION);
  return z.discriminatedUnion('kind', [
    z.strictObject({
      version,
      kind: z.literal('commitments'),
      trustee: trusteeIndexSchema,
      encryptionKey: s.element,
      encryptionKeyProof: s.challengeResponse,
      coefficients: z
        .array(z.strictObject({ commitment: s.element, proof: s.challengeResponse }))
        .min(1)
        .max(WIRE_MAX_TRUSTEES),
    }),
    z.strictObject({
      version,
      kind: z.literal('encrypted_shares'),
      sender: trusteeIndexSchema,
      shares: z
        .array(
          z.strictObject({
            sender: trusteeIndexSchema,
            recipient: trusteeIndexSchema,
            ephemeral: s.element,
            masked: hexSchema(group.scalars.byteLength),
            tag: hexSchema(SHARE_TAG_BYTES),
          }),
        )
        .max(WIRE_MAX_TRUSTEES - 1),
    }),
    z.strictObject({
      version,
      kind: z.literal('complaint'),
      accuser: trusteeIndexSchema,
      accused: trusteeIndexSchema,
      reason: z.enum(COMPLAINT_REASONS),
    }),
    z.strictObject({
      version,
      kind: z.literal('share_reveal'),
      sender: trusteeIndexSchema,
      recipient: trusteeIndexSchema,
      share: s.scalar,
      nonce: s.scalar,
    }),
    z.strictObject({
      version,
      kind: z.literal('key_confirmation'),
      trustee: trusteeIndexSchema,
      publicKeyShare: s.element,
      proof: s.challengeResponse,
    }),
  ]);
});

// ---- encoders, one per kind ----

export function toWireCommitmentsMessage(group: Group, m: CommitmentsMessage): WireCommitmentsMessage {
  return {
    version: WIRE_VERSION,
    kind: 'commitments',
    trustee: m.trustee,
    encryptionKey: elementToHex(group, m.encryptionKey),
    encryptionKeyProof: toWireChallengeResponse(group, m.encryptionKeyProof),
    coefficients: m.coefficients.map((c) => ({
      commitment: elementToHex(group, c.commitment),
      proof: toWireChallengeResponse(group, c.proof),
    })),
  };
}

export function toWireSharesMessage(group: Group, m: SharesMessage): WireSharesMessage {
  return {
    version: WIRE_VERSION,
    kind: 'encrypted_shares',
    sender: m.sender,
    shares: m.shares.map((s) => ({
      sender: s.sender,
      recipient: s.recipient,
      ephemeral: elementToHex(group, s.ephemeral),
      masked: toHex(s.masked),
      tag: toHex(s.tag),
    })),
  };
}

export function toWireComplaintMessage(_group: Group, m: ComplaintMessage): WireComplaintMessage {
  return { version: WIRE_VERSION, kind: 'complaint', accuser: m.accuser, accused: m.accused, reason: m.reason };
}

export function toWireShareRevealMessage(group: Group, m: ShareRevealMessage): WireShareRevealMessage {
  return {
    version: WIRE_VERSION,
    kind: 'share_reveal',
    sender: m.sender,
    recipient: m.recipient,
    share: scalarToHex(group, m.share),
    nonce: scalarToHex(group, m.nonce),
  };
}

export function toWireKeyConfirmationMessage(group: Group, m: KeyConfirmationMessage): WireKeyConfirmationMessage {
  return {
    version: WIRE_VERSION,
    kind: 'key_confirmation',
    trustee: m.trustee,
    publicKeyShare: elementToHex(group, m.publicKeyShare),
    proof: toWireChallengeResponse(group, m.proof),
  };
}

export function toWireCeremonyMessage(group: Group, m: CeremonyMessage): WireCeremonyMessage {
  switch (m.kind) {
    case 'commitments':
      return toWireCommitmentsMessage(group, m);
    case 'encrypted_shares':
      return toWireSharesMessage(group, m);
    case 'complaint':
      return toWireComplaintMessage(group, m);
    case 'share_reveal':
      return toWireShareRevealMessage(group, m);
    case 'key_confirmation':
      return toWireKeyConfirmationMessage(group, m);
    default:
      return assertNever(m);
  }
}

export const encodeCommitmentsMessage = (group: Group, m: CommitmentsMessage): string =>
  toCanonical(toWireCommitmentsMessage(group, m));
export const encodeSharesMessage = (group: Group, m: SharesMessage): string => toCanonical(toWireSharesMessage(group, m));
export const encodeComplaintMessage = (group: Group, m: ComplaintMessage): string =>
  toCanonical(toWireComplaintMessage(group, m));
export const encodeShareRevealMessage = (group: Group, m: ShareRevealMessage): string =>
  toCanonical(toWireShareRevealMessage(group, m));
export const encodeKeyConfirmationMessage = (group: Group, m: KeyConfirmationMessage): string =>
  toCanonical(toWireKeyConfirmationMessage(group, m));
export const encodeCeremonyMessage = (group: Group, m: CeremonyMessage): string =>
  toCanonical(toWireCeremonyMessage(group, m));

// ---- the parser ----

/** Strict parse of any ceremony message; the caller dispatches on `kind`. */
export function parseWireCeremonyMessage(group: Group, text: string): WireResult<CeremonyMessage> {
  const limits = { maxBytes: MAX_CEREMONY_MESSAGE_BYTES, maxDepth: WIRE_MAX_DEPTH };
  return parseWire(text, ceremonySchema(group), limits, (w) => decodeCeremonyMessage(group, w));
}

function decodeCeremonyMessage(group: Group, w: WireCeremonyMessage): WireResult<CeremonyMessage> {
  switch (w.kind) {
    case 'commitments': {
      const encryptionKey = decodeElementAt(group, w.encryptionKey, '$.encryptionKey', false);
      if (!encryptionKey.ok) return encryptionKey;
      const encryptionKeyProof = decodeChallengeResponseAt(group, w.encryptionKeyProof, '$.encryptionKeyProof');
      if (!encryptionKeyProof.ok) return encryptionKeyProof;
      const coefficients = decodeEach(w.coefficients, '$.coefficients', (c, path) => {
        const commitment = decodeElementAt(group, c.commitment, `${path}.commitment`, false);
        if (!commitment.ok) return commitment;
        const proof = decodeChallengeResponseAt(group, c.proof, `${path}.proof`);
        return proof.ok ? ok({ commitment: commitment.value, proof: proof.value }) : proof;
      });
      if (!coefficients.ok) return coefficients;
      return ok({
        kind: w.kind,
        trustee: w.trustee,
        encryptionKey: encryptionKey.value,
        encryptionKeyProof: encryptionKeyProof.value,
        coefficients: coefficients.value,
      });
    }
    case 'encrypted_shares': {
      const shares = decodeEach(w.shares, '$.shares', (s, path) => decodeEncryptedShare(group, s, path));
      return shares.ok ? ok({ kind: w.kind, sender: w.sender, shares: shares.value }) : shares;
    }
    case 'complaint':
      return ok({ kind: w.kind, accuser: w.accuser, accused: w.accused, reason: w.reason });
    case 'share_reveal': {
      const share = decodeScalarAt(group, w.share, '$.share');
      if (!share.ok) return share;
      const nonce = decodeScalarAt(group, w.nonce, '$.nonce');
      if (!nonce.ok) return nonce;
      return ok({ kind: w.kind, sender: w.sender, recipient: w.recipient, share: share.value, nonce: nonce.value });
    }
    case 'key_confirmation': {
      const publicKeyShare = decodeElementAt(group, w.publicKeyShare, '$.publicKeyShare', false);
      if (!publicKeyShare.ok) return publicKeyShare;
      const proof = decodeChallengeResponseAt(group, w.proof, '$.proof');
      if (!proof.ok) return proof;
      return ok({ kind: w.kind, trustee: w.trustee, publicKeyShare: publicKeyShare.value, proof: proof.value });
    }
    default:
      return assertNever(w);
  }
}

function decodeEncryptedShare(group: Group, s: WireEncryptedShare, path: string): WireResult<EncryptedShare> {
  const ephemeral = decodeElementAt(group, s.ephemeral, `${path}.ephemeral`, false);
  if (!ephemeral.ok) return ephemeral;
  const masked = decodeHex(s.masked, `${path}.masked`);
  if (!masked.ok) return masked;
  const tag = decodeHex(s.tag, `${path}.tag`);
  if (!tag.ok) return tag;
  return ok({
    sender: s.sender,
    recipient: s.recipient,
    ephemeral: ephemeral.value,
    masked: masked.value,
    tag: tag.value,
  });
}
