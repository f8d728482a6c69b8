// Round 2 of the DKG and its complaint sub-round (ElectionGuard 2.1 §3.2.2 "share verification",
// Belenios spec v1.5 §4.5.5 vinput check): trustee i sends P_i(ℓ) encrypted to every other trustee
// ℓ; ℓ checks g^{P_i(ℓ)} = Π_j K_{i,j}^{ℓ^j}; a failure becomes a complaint naming i, which i
// answers by revealing (share, nonce) for a public check. Producers: `createShares`,
// `createComplaint`, `createShareReveal`; checkers: `verifyShare`, `receiveShare`, `verifyShareRevealMessage`.
// Must not combine shares into a key (keys.ts does).
import type { KeyPair } from '../elgamal.ts';
import type { Group } from '../group.ts';
import { type RandomSource, systemRandom } from '../random.ts';
import type { Ok } from '../result.ts';
import { ok } from '../result.ts';
import type { Scalar } from '../scalar.ts';
import { type Blame, blame, type ThresholdParameters } from './common.ts';
import type { CommitmentsMessage, TrusteePolynomial } from './commitments.ts';
import { evaluateCommitments, evaluatePolynomial } from './polynomial.ts';
import { decryptShare, type EncryptedShare, encryptShare, verifyShareReveal } from './share-encryption.ts';

/** Message 2, from trustee `sender`: one encrypted share per other trustee, ordered by recipient. */
export type SharesMessage = {
  readonly kind: 'encrypted_shares';
  readonly sender: number;
  readonly shares: readonly EncryptedShare[];
};

/** Kept secret by the sender until (and unless) the recipient complains. */
export type ShareOpening = { readonly recipient: number; readonly share: Scalar; readonly nonce: Scalar };

export type ComplaintReason = 'bad_share' | 'authentication_failed' | 'missing_share';

/** Message 3 (only on failure), from `accuser` against `accused`. */
export type ComplaintMessage = {
  readonly kind: 'complaint';
  readonly accuser: number;
  readonly accused: number;
  readonly reason: ComplaintReason;
};

/** Message 4 (answer to a complaint): the accused publishes the share and the encryption nonce. */
export type ShareRevealMessage = {
  readonly kind: 'share_reveal';
  readonly sender: number;
  readonly recipient: number;
  readonly share: Scalar;
  readonly nonce: Scalar;
};

export function createShares(
  group: Group,
  parameters: ThresholdParameters,
  polynomial: TrusteePolynomial,
  allCommitments: readonly CommitmentsMessage[],
  rng: RandomSource = systemRandom,
): { readonly message: SharesMessage; readonly openings: readonly ShareOpening[] } {
  const i = polynomial.trustee;
  const shares: EncryptedShare[] = [];
  const openings: ShareOpening[] = [];
  for (let l = 1; l <= parameters.trusteeCount; l++) {
    if (l === i) continue;
    const recipient = allCommitments.find((m) => m.trustee === l);
    if (!recipient) throw new Error(`no commitments from trustee ${l}: round 1 is not complete`);
    const share = evaluatePolynomial(group, polynomial.coefficients, l);
    const { encryptedShare, nonce } = encryptShare(
      group,
      parameters.context,
      i,
      l,
      recipient.encryptionKey,
      share,
      rng,
    );
    shares.push(encryptedShare);
    openings.push({ recipient: l, share, nonce });
  }
  return { message: { kind: 'encrypted_shares', sender: i, shares }, openings };
}

/** g^{share} = Π_j K_{i,j}^{ℓ^j}: the Feldman check of a share of `senderCommitments` for `recipient`. */
export function verifyShare(
  group: Group,
  senderCommitments: CommitmentsMessage,
  recipient: number,
  share: Scalar,
): boolean {
  const expected = evaluateCommitments(
    group,
    senderCommitments.coefficients.map((c) => c.commitment),
    recipient,
  );
  return group.equals(group.baseMultiply(share), expected);
}

/** Recipient side: decrypt, then Feldman-check. A failure is a complaint reason naming the sender. */
export function receiveShare(
  group: Group,
  parameters: ThresholdParameters,
  encrypted: EncryptedShare,
  senderCommitments: CommitmentsMessage,
  recipient: number,
  recipientKey: KeyPair,
): Ok<Scalar> | Blame<ComplaintReason> {
  const sender = senderCommitments.trustee;
  if (encrypted.sender !== sender || encrypted.recipient !== recipient) {
    return blame(
      'bad_share',
      sender,
      `share labelled ${encrypted.sender}→${encrypted.recipient}, expected ${sender}→${recipient}`,
    );
  }
  const decrypted = decryptShare(group, parameters.context, encrypted, recipient, recipientKey);
  if (!decrypted.ok) {
    const reason = decrypted.error === 'authentication_failed' ? 'authentication_failed' : 'bad_share';
    return blame(reason, sender, `trustee ${sender}: ${decrypted.detail ?? decrypted.error}`);
  }
  if (!verifyShare(group, senderCommitments, recipient, decrypted.value)) {
    return blame(
      'bad_share',
      sender,
      `trustee ${sender}: share for trustee ${recipient} does not match its commitments`,
    );
  }
  return ok(decrypted.value);
}

export function createComplaint(accuser: number, failure: Blame<ComplaintReason>): ComplaintMessage {
  return { kind: 'complaint', accuser, accused: failure.trustee, reason: failure.error };
}

export function createShareReveal(sender: number, opening: ShareOpening): ShareRevealMessage {
  return {
    kind: 'share_reveal',
    sender,
    recipient: opening.recipient,
    share: opening.share,
    nonce: opening.nonce,
  };
}

/**
 * Public check of a reveal: it must reproduce the published encrypted share exactly (same nonce,
 * same share) and the share must match the sender's commitments. Failure disqualifies the sender.
 */
export function verifyShareRevealMessage(
  group: Group,
  parameters: ThresholdParameters,
  reveal: ShareRevealMessage,
  encrypted: EncryptedShare | undefined,
  senderCommitments: CommitmentsMessage,
  recipientCommitments: CommitmentsMessage,
): Ok<Scalar> | Blame<'bad_reveal'> {
  const i = reveal.sender;
  if (senderCommitments.trustee !== i || recipientCommitments.trustee !== reveal.recipient)
    throw new Error('commitments of the wrong trustees');
  if (!encrypted || encrypted.sender !== i || encrypted.recipient !== reveal.recipient) {
    return blame('bad_reveal', i, `trustee ${i} published no share for trustee ${reveal.recipient}`);
  }
  if (
    !verifyShareReveal(
      group,
      parameters.context,
      encrypted,
      recipientCommitments.encryptionKey,
      reveal.share,
      reveal.nonce,
    )
  ) {
    return blame(
      'bad_reveal',
      i,
      `trustee ${i}: revealed share and nonce do not reproduce the encrypted share`,
    );
  }
  if (!verifyShare(group, senderCommitments, reveal.recipient, reveal.share)) {
    return blame('bad_reveal', i, `trustee ${i}: revealed share does not match its commitments`);
  }
  return ok(reveal.share);
}
