// Round 2 transport: hashed-ElGamal encryption of a share P_i(ℓ) to trustee ℓ's encryption key,
// following ElectionGuard 2.1 §3.2.2 "share encryption" (ephemeral ξ, DH secret, key derivation by
// HMAC in NIST SP 800-108 counter mode, one-time pad, HMAC tag over C0 ∥ C1), instantiated with
// SHA-512 / HMAC-SHA-512 and bound to group, context, sender, recipient and recipient key
// (docs/protocol.md §T4). Producer `encryptShare`, checker `decryptShare`; the
// complaint check `verifyShareReveal` re-encrypts with the revealed nonce.
// Must not decide what a bad share means (shares.ts / ceremony.ts do).
import { hmac } from '@noble/hashes/hmac.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { bytesEqual, concatBytes, u32be, utf8 } from '../bytes.ts';
import type { KeyPair } from '../elgamal.ts';
import type { Group, GroupElement } from '../group.ts';
import { type RandomSource, systemRandom } from '../random.ts';
import { type Result, ok, err } from '../result.ts';
import type { Scalar } from '../scalar.ts';
import { hashItems } from '../transcript.ts';

export const SHARE_SECRET_DOMAIN = 'ratify/v2/threshold/share-secret';
const KDF_LABEL = utf8('share_enc_keys');
const KDF_CONTEXT = utf8('share_encrypt');
/** Total derived length in bits: 512 (MAC key) + 256 (pad), as u16be. */
const KDF_LENGTH_BITS = new Uint8Array([0x03, 0x00]);

export type EncryptedShare = {
  readonly sender: number;
  readonly recipient: number;
  /** C0 = α = g^ξ */
  readonly ephemeral: GroupElement;
  /** C1 = encode(P_i(ℓ)) ⊕ k_enc (32 bytes) */
  readonly masked: Uint8Array;
  /** C2 = HMAC-SHA-512(k_mac, C0 ∥ C1) (64 bytes) */
  readonly tag: Uint8Array;
};

export type ShareDecryptionError = 'wrong_recipient' | 'authentication_failed' | 'invalid_share_encoding';

function deriveKeys(
  group: Group,
  context: Uint8Array,
  sender: number,
  recipient: number,
  recipientKey: GroupElement,
  alpha: GroupElement,
  beta: GroupElement,
): { readonly macKey: Uint8Array; readonly pad: Uint8Array } {
  // k_{i,ℓ} = H(group, context, i, ℓ, K_ℓ, α, β)   (EG 2.1 §3.2.2, with our labelled SHA-512)
  const secret = hashItems(SHARE_SECRET_DOMAIN, [
    ['group', utf8(group.name)],
    ['context', context],
    ['sender', u32be(sender)],
    ['recipient', u32be(recipient)],
    ['recipient_key', group.encodeElement(recipientKey)],
    ['alpha', group.encodeElement(alpha)],
    ['beta', group.encodeElement(beta)],
  ]);
  // SP 800-108 counter mode: block_c = HMAC(k, u8(c) ∥ label ∥ 0x00 ∥ context ∥ i ∥ ℓ ∥ L)
  const block = (counter: number) =>
    hmac(
      sha512,
      secret,
      concatBytes(
        new Uint8Array([counter]),
        KDF_LABEL,
        new Uint8Array([0]),
        KDF_CONTEXT,
        u32be(sender),
        u32be(recipient),
        KDF_LENGTH_BITS,
      ),
    );
  return { macKey: block(1), pad: block(2).subarray(0, 32) };
}

function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] as number) ^ (b[i] as number);
  return out;
}

const shareTag = (group: Group, macKey: Uint8Array, alpha: GroupElement, masked: Uint8Array): Uint8Array =>
  hmac(sha512, macKey, concatBytes(group.encodeElement(alpha), masked));

/** Deterministic encryption with nonce ξ (used by `encryptShare` and to check a revealed nonce). */
export function encryptShareWith(
  group: Group,
  context: Uint8Array,
  sender: number,
  recipient: number,
  recipientKey: GroupElement,
  share: Scalar,
  nonce: Scalar,
): EncryptedShare {
  if (group.scalars.byteLength !== 32) throw new Error('share encryption assumes 32-byte scalars');
  const alpha = group.baseMultiply(nonce);
  const beta = group.multiply(recipientKey, nonce);
  const { macKey, pad } = deriveKeys(group, context, sender, recipient, recipientKey, alpha, beta);
  const masked = xor(group.scalars.encode(share), pad);
  return { sender, recipient, ephemeral: alpha, masked, tag: shareTag(group, macKey, alpha, masked) };
}

/** Encrypts P_i(ℓ) for trustee ℓ. The sender keeps `nonce` in case ℓ complains (it reveals it then). */
export function encryptShare(
  group: Group,
  context: Uint8Array,
  sender: number,
  recipient: number,
  recipientKey: GroupElement,
  share: Scalar,
  rng: RandomSource = systemRandom,
): { readonly encryptedShare: EncryptedShare; readonly nonce: Scalar } {
  const nonce = group.scalars.randomNonZero(rng);
  return {
    encryptedShare: encryptShareWith(group, context, sender, recipient, recipientKey, share, nonce),
    nonce,
  };
}

/** Recipient ℓ decrypts with its encryption key pair; any change to C0, C1, C2 or the indices fails. */
export function decryptShare(
  group: Group,
  context: Uint8Array,
  encrypted: EncryptedShare,
  recipient: number,
  recipientKey: KeyPair,
): Result<Scalar, ShareDecryptionError> {
  if (encrypted.recipient !== recipient)
    return err('wrong_recipient', `share is for trustee ${encrypted.recipient}, not ${recipient}`);
  if (
    encrypted.masked.length !== 32 ||
    encrypted.tag.length !== 64 ||
    group.isIdentity(encrypted.ephemeral)
  ) {
    return err('authentication_failed', 'malformed encrypted share');
  }
  const beta = group.multiply(encrypted.ephemeral, recipientKey.secretKey);
  const { macKey, pad } = deriveKeys(
    group,
    context,
    encrypted.sender,
    recipient,
    recipientKey.publicKey,
    encrypted.ephemeral,
    beta,
  );
  if (!bytesEqual(shareTag(group, macKey, encrypted.ephemeral, encrypted.masked), encrypted.tag)) {
    return err('authentication_failed', `share from trustee ${encrypted.sender} does not authenticate`);
  }
  const share = group.scalars.decode(xor(encrypted.masked, pad));
  if (!share.ok)
    return err('invalid_share_encoding', `share from trustee ${encrypted.sender} is not a canonical scalar`);
  return ok(share.value);
}

/**
 * Public complaint check (EG 2.1 §3.2.2): the accused sender revealed (share, nonce); anyone
 * re-encrypts and accepts the reveal only if it reproduces the published ciphertext exactly.
 */
export function verifyShareReveal(
  group: Group,
  context: Uint8Array,
  encrypted: EncryptedShare,
  recipientKey: GroupElement,
  share: Scalar,
  nonce: Scalar,
): boolean {
  if (!group.scalars.isValid(share) || !group.scalars.isValid(nonce) || nonce === 0n) return false;
  const again = encryptShareWith(
    group,
    context,
    encrypted.sender,
    encrypted.recipient,
    recipientKey,
    share,
    nonce,
  );
  return (
    group.equals(again.ephemeral, encrypted.ephemeral) &&
    bytesEqual(again.masked, encrypted.masked) &&
    bytesEqual(again.tag, encrypted.tag)
  );
}
