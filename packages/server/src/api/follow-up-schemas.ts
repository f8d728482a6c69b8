// Linked follow-up votes' data shapes (protocol §M7): what a vote declares will follow each outcome
// (with the next vote's pre-filled questions), what its published result triggered, and the links
// between a vote and the follow-up votes started from it. Browser-safe: imports zod only.
import { z } from 'zod';
import { draftDefinitionSchema, draftSchema } from './console-schemas.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected a lower-case slug');
export const followUpIdParamsSchema = z.strictObject({ id: slug });

const ruleTextSchema = z.object({ kind: z.string(), en: z.string(), es: z.string() });
/** One declaration of the manifest, with the rules of a vote template in plain words. */
export const declaredFollowUpSchema = z.object({
  questionId: z.string(),
  outcome: z.string(),
  kind: z.enum(['vote', 'note']),
  text: z.string(),
  /** Vote follow-ups: the next vote's title, questions (as in the manifest) and their rules in words. */
  template: z
    .object({
      title: z.string(),
      revotePolicy: z.enum(['last_counts', 'first_counts']).optional(),
      questions: z.array(z.object({ id: z.string(), text: z.string() }).catchall(z.unknown())),
      rules: z.array(ruleTextSchema),
    })
    .optional(),
});
/** The result's `followUps` entry (record-format §6). */
export const triggeredFollowUpSchema = z.object({
  questionId: z.string(),
  outcome: z.string(),
  declared: z.string(),
  kind: z.enum(['vote', 'note']),
  text: z.string(),
  title: z.string().optional(),
});
const voteLinkSchema = z.object({ voteId: z.string(), title: z.string(), questionId: z.string(), outcome: z.string() });

export const voteFollowUpsSchema = z.object({
  voteId: z.string(),
  /** What each outcome would set off, as signed in the manifest (shown before the close). */
  declared: z.array(declaredFollowUpSchema),
  /** What the published result triggered; null until it is published. */
  triggered: z.array(triggeredFollowUpSchema).nullable(),
  /** The vote this one follows from (its result triggered this vote), or null. */
  followsFrom: voteLinkSchema.nullable(),
  /** Follow-up votes created from this vote's result (drafts still in their ceremony are not public). */
  followedBy: z.array(voteLinkSchema),
});

export const followUpLinkSchema = z.object({
  parentVoteId: z.string(),
  questionId: z.string(),
  outcome: z.string(),
  childId: z.string(),
  startedBy: z.string(),
  startedAt: z.string(),
  /** `draft`: the key ceremony is still running; `vote`: created from the draft. */
  childStatus: z.enum(['draft', 'vote']),
});
export const adminFollowUpsSchema = z.object({
  id: z.string(),
  /** The live link whose child is this draft or vote. */
  followsFrom: followUpLinkSchema.nullable(),
  /** Live links from this vote. */
  started: z.array(followUpLinkSchema),
});

export const startFollowUpBodySchema = z.strictObject({
  /** The parent's question whose triggered vote follow-up this draft is. */
  questionId: slug,
  /** The new vote's definition: the template's questions, plus the ids, schedule, record date and trustees. */
  definition: draftDefinitionSchema,
});
export const startedFollowUpSchema = z.object({ draft: draftSchema, link: followUpLinkSchema });
export type StartFollowUpBody = z.infer<typeof startFollowUpBodySchema>;
