// The result object as published on the board (docs/record-format.md §6), parsed for printing.
// Strict enough that the report never prints a field it did not understand; the arithmetic behind it
// is re-derived by the verifier, not here.
import { z } from 'zod';

const count = z.int().min(0);
const rational = z.strictObject({ numerator: count, denominator: z.int().min(1) });
const outcome = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('passed') }),
  z.strictObject({ kind: z.literal('failed') }),
  z.strictObject({ kind: z.literal('turnout_not_met') }),
  z.strictObject({ kind: z.literal('support_floor_not_met') }),
  z.strictObject({ kind: z.literal('elected'), winners: z.array(count) }),
  z.strictObject({ kind: z.literal('tie'), elected: z.array(count), tied: z.array(count), openSeats: count }),
  z.strictObject({ kind: z.literal('no_votes') }),
]);
const check = z.strictObject({
  kind: z.enum(['turnout_floor', 'majority', 'support_of_eligible_floor']),
  value: z.strictObject({ numerator: count, denominator: count }),
  comparison: z.enum(['greater_than', 'at_least']),
  required: rational,
  met: z.boolean(),
});

export const publishedResultSchema = z.strictObject({
  voteId: z.string(),
  turnout: z.strictObject({ eligible: count, voted: count }),
  questions: z.array(
    z.strictObject({
      questionId: z.string(),
      counts: z.strictObject({ options: z.array(count), blank: count }),
      evaluation: z.strictObject({ outcome, checks: z.array(check) }),
    }),
  ),
  decryptedBy: z.array(z.int().min(1)),
  followUps: z
    .array(
      z.strictObject({
        questionId: z.string(),
        outcome: z.string(),
        declared: z.string(),
        kind: z.enum(['vote', 'note']),
        text: z.string(),
        title: z.string().exactOptional(),
      }),
    )
    .exactOptional(),
});
export type PublishedResult = z.infer<typeof publishedResultSchema>;
