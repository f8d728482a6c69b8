// Binary encodings of a ballot used for the signature and the tracking code (docs/protocol.md §B2.2).
// Independent of JSON: labelled, length-prefixed items hashed with SHA-512 (crypto hashItems).
import { type Group, encodeChallengeResponse, encodeCiphertext, hashItems, toHex, u64be, utf8 } from '@ratify/crypto';
import type { Ballot, EncryptedAnswer } from './types.ts';

type Item = readonly [string, Uint8Array];

function answerItems(group: Group, answers: readonly EncryptedAnswer[]): Item[] {
  const items: Item[] = [['answer_count', u64be(answers.length)]];
  answers.forEach((a, q) => {
    items.push([`answer[${q}].question`, utf8(a.questionId)], [`answer[${q}].choice_count`, u64be(a.choices.length)]);
    a.choices.forEach((c, i) => {
      items.push([`answer[${q}].choice[${i}].ciphertext`, encodeCiphertext(group, c.ciphertext)]);
      items.push([`answer[${q}].choice[${i}].proof_length`, u64be(c.proof.length)]);
      c.proof.forEach((p, k) => items.push([`answer[${q}].choice[${i}].proof[${k}]`, encodeChallengeResponse(group, p)]));
    });
    items.push([`answer[${q}].overall_length`, u64be(a.overall.length)]);
    a.overall.forEach((p, k) => items.push([`answer[${q}].overall[${k}]`, encodeChallengeResponse(group, p)]));
  });
  return items;
}

/** The message the credential signs: everything in the ballot except the signature. */
export function ballotSigningMessage(group: Group, b: Omit<Ballot, 'signature'>): Uint8Array {
  return hashItems('ratify/v2/ballot-signing', [
    ['vote', utf8(b.voteId)],
    ['fingerprint', b.fingerprint],
    ['credential', group.encodeElement(b.credential)],
    ...answerItems(group, b.answers),
  ]);
}

/** Tracking code: SHA-512 over the whole ballot including its signature, first 32 bytes, hex. */
export function trackingCode(group: Group, b: Ballot): string {
  const h = hashItems('ratify/v2/tracking-code', [
    ['signing_message', ballotSigningMessage(group, b)],
    ['signature', encodeChallengeResponse(group, b.signature)],
  ]);
  return toHex(h.subarray(0, 32));
}

/** Short form shown to voters: first 16 hex digits in groups of 4 (64 bits). */
export function formatTrackingCode(code: string): string {
  return code.slice(0, 16).match(/.{4}/g)!.join('-');
}

/** The context every proof in a ballot is bound to: election, voter credential, position. */
export function proofContext(
  group: Group,
  fingerprint: Uint8Array,
  credential: Ballot['credential'],
  questionId: string,
  position: 'overall' | number,
): Uint8Array {
  return hashItems('ratify/v2/ballot-proof-context', [
    ['fingerprint', fingerprint],
    ['credential', group.encodeElement(credential)],
    ['question', utf8(questionId)],
    ['position', position === 'overall' ? utf8('overall') : u64be(position)],
  ]);
}
