// Wire codec of the encrypted tally, `ratify/v2` (docs/protocol.md §W3):
// `questions[q][i]` encrypts the number of counted ballots selecting option i of question q.
// Both α and β may be the identity (an option nobody selected, or no ballots: the empty sum).
// Must not recompute the tally from ballots (tally.ts does; the verifier compares).
import type { Group } from '@ratify/crypto';
import { z } from 'zod';
import type { EncryptedTally } from '../../tally.ts';
import { toCanonical } from '../canonical-json.ts';
import { MAX_BALLOT_OPTIONS, MAX_BALLOT_QUESTIONS } from './ballot.ts';
import {
  decodeCiphertextAt,
  decodeEach,
  groupSchemas,
  parseWire,
  perGroup,
  toWireCiphertext,
  WIRE_MAX_DEPTH,
  WIRE_VERSION,
  type WireCiphertext,
  type WireResult,
} from './common.ts';

/** 64 questions × 256 options × ~152 bytes per ciphertext fits in 4 MiB. */
export const MAX_TALLY_BYTES = 4 * 1024 * 1024;

export type WireEncryptedTally = {
  readonly version: typeof WIRE_VERSION;
  readonly questions: readonly (readonly WireCiphertext[])[];
};

const tallySchema = perGroup(
  (group: Group): z.ZodType<WireEncryptedTally> =>
    z.strictObject({
      version: z.literal(WIRE_VERSION),
      questions: z
        .array(z.array(groupSchemas(group).ciphertext).min(1).max(MAX_BALLOT_OPTIONS))
        .min(1)
        .max(MAX_BALLOT_QUESTIONS),
    }),
);

export function toWireEncryptedTally(group: Group, tally: EncryptedTally): WireEncryptedTally {
  return {
    version: WIRE_VERSION,
    questions: tally.map((row) => row.map((c) => toWireCiphertext(group, c))),
  };
}

export function encodeEncryptedTally(group: Group, tally: EncryptedTally): string {
  return toCanonical(toWireEncryptedTally(group, tally));
}

export function parseWireEncryptedTally(group: Group, text: string): WireResult<EncryptedTally> {
  return parseWire(text, tallySchema(group), { maxBytes: MAX_TALLY_BYTES, maxDepth: WIRE_MAX_DEPTH }, (w) =>
    decodeEach(w.questions, '$.questions', (row, path) =>
      decodeEach(row, path, (c, at) => decodeCiphertextAt(group, c, at, true)),
    ),
  );
}
