// Wire codec of a cast ballot, `ratify/v2` (docs/protocol.md §W2): `toWireBallot` /
// `encodeBallot` produce the canonical JSON, `parseWireBallot` is its strict twin. Parsing checks
// shape, bounds, exact canonical bytes and every group element and scalar (α never the identity),
// but no proof: `checkBallot` does that. Must not know the manifest or the credential list.
import type { Group } from '@ratify/crypto';
import { ok, toHex } from '@ratify/crypto';
import { z } from 'zod';
import type { Ballot, EncryptedAnswer, EncryptedChoice } from '../../ballot/types.ts';
import { questionIdSchema, voteIdSchema } from '../../ids.ts';
import { toCanonical } from '../canonical-json.ts';
import {
  decodeChallengeResponseAt,
  decodeCiphertextAt,
  decodeEach,
  decodeElementAt,
  decodeHex,
  elementToHex,
  groupSchemas,
  hexSchema,
  parseWire,
  perGroup,
  toWireChallengeResponse,
  toWireCiphertext,
  WIRE_MAX_DEPTH,
  WIRE_VERSION,
  type WireChallengeResponse,
  type WireCiphertext,
  type WireResult,
} from './common.ts';

/** A ballot's canonical text MUST be shorter than 256 KiB (checked before parsing). */
export const MAX_BALLOT_BYTES = 256 * 1024;
/** Bounds on the shape, as the manifest's: at most 64 questions of at most 256 options. */
export const MAX_BALLOT_QUESTIONS = 64;
export const MAX_BALLOT_OPTIONS = 256;
/** Each option's proof is the 0/1 disjunctive proof: exactly two (challenge, response) pairs. */
export const CHOICE_PROOF_LENGTH = 2;
/** The election fingerprint is a SHA-512 digest. */
export const FINGERPRINT_BYTES = 64;

export type WireChoice = { readonly ciphertext: WireCiphertext; readonly proof: readonly WireChallengeResponse[] };
export type WireAnswer = {
  readonly question: string;
  readonly choices: readonly WireChoice[];
  readonly overall: readonly WireChallengeResponse[];
};
export type WireBallot = {
  readonly version: typeof WIRE_VERSION;
  readonly vote: string;
  /** 64 bytes, hex. */
  readonly fingerprint: string;
  readonly credential: string;
  readonly answers: readonly WireAnswer[];
  readonly signature: WireChallengeResponse;
};

const ballotSchema = perGroup((group: Group): z.ZodType<WireBallot> => {
  const s = groupSchemas(group);
  const answer = z
    .strictObject({
      question: questionIdSchema,
      choices: z
        .array(z.strictObject({ ciphertext: s.ciphertext, proof: z.array(s.challengeResponse).length(CHOICE_PROOF_LENGTH) }))
        .min(1)
        .max(MAX_BALLOT_OPTIONS),
      // The allowed totals are a subset of 0..options, so the range proof has at most options + 1 pairs.
      overall: z.array(s.challengeResponse).min(1).max(MAX_BALLOT_OPTIONS + 1),
    })
    .refine((a) => a.overall.length <= a.choices.length + 1, {
      message: 'overall proof is longer than the number of options + 1',
      path: ['overall'],
    });
  return z.strictObject({
    version: z.literal(WIRE_VERSION),
    vote: voteIdSchema,
    fingerprint: hexSchema(FINGERPRINT_BYTES),
    credential: s.element,
    answers: z.array(answer).min(1).max(MAX_BALLOT_QUESTIONS),
    signature: s.challengeResponse,
  });
});

export function toWireBallot(group: Group, ballot: Ballot): WireBallot {
  return {
    version: WIRE_VERSION,
    vote: ballot.voteId,
    fingerprint: toHex(ballot.fingerprint),
    credential: elementToHex(group, ballot.credential),
    answers: ballot.answers.map((a) => ({
      question: a.questionId,
      choices: a.choices.map((c) => ({
        ciphertext: toWireCiphertext(group, c.ciphertext),
        proof: c.proof.map((p) => toWireChallengeResponse(group, p)),
      })),
      overall: a.overall.map((p) => toWireChallengeResponse(group, p)),
    })),
    signature: toWireChallengeResponse(group, ballot.signature),
  };
}

/** The canonical JSON text of a ballot: what the booth sends and the board stores. */
export function encodeBallot(group: Group, ballot: Ballot): string {
  return toCanonical(toWireBallot(group, ballot));
}

/** Strict parse of an untrusted ballot text. The result still has to pass `checkBallot`. */
export function parseWireBallot(group: Group, text: string): WireResult<Ballot> {
  return parseWire(text, ballotSchema(group), { maxBytes: MAX_BALLOT_BYTES - 1, maxDepth: WIRE_MAX_DEPTH }, (w) =>
    decodeBallot(group, w),
  );
}

function decodeBallot(group: Group, w: WireBallot): WireResult<Ballot> {
  const fingerprint = decodeHex(w.fingerprint, '$.fingerprint');
  if (!fingerprint.ok) return fingerprint;
  const credential = decodeElementAt(group, w.credential, '$.credential', false);
  if (!credential.ok) return credential;
  const answers = decodeEach(w.answers, '$.answers', (a, path) => decodeAnswer(group, a, path));
  if (!answers.ok) return answers;
  const signature = decodeChallengeResponseAt(group, w.signature, '$.signature');
  if (!signature.ok) return signature;
  return ok({
    voteId: w.vote,
    fingerprint: fingerprint.value,
    credential: credential.value,
    answers: answers.value,
    signature: signature.value,
  });
}

function decodeAnswer(group: Group, a: WireAnswer, path: string): WireResult<EncryptedAnswer> {
  const choices = decodeEach(a.choices, `${path}.choices`, (c, p) => decodeChoice(group, c, p));
  if (!choices.ok) return choices;
  const overall = decodeEach(a.overall, `${path}.overall`, (p, at) => decodeChallengeResponseAt(group, p, at));
  if (!overall.ok) return overall;
  return ok({ questionId: a.question, choices: choices.value, overall: overall.value });
}

function decodeChoice(group: Group, c: WireChoice, path: string): WireResult<EncryptedChoice> {
  // α = g^r is never the identity in a cast ballot (r = 0 would publish the vote in the clear).
  const ciphertext = decodeCiphertextAt(group, c.ciphertext, `${path}.ciphertext`, false);
  if (!ciphertext.ok) return ciphertext;
  const proof = decodeEach(c.proof, `${path}.proof`, (p, at) => decodeChallengeResponseAt(group, p, at));
  if (!proof.ok) return proof;
  return ok({ ciphertext: ciphertext.value, proof: proof.value });
}
