// Linked follow-up votes' routes: part of the one route table (routes.ts spreads them into ROUTES).
// Anyone reads what a vote declares will follow and what its result triggered; administrators start
// a triggered vote follow-up as a new draft (linked to the parent) and may discard it while its
// ceremony runs, so it can be started again.
import * as f from './follow-up-schemas.ts';
import type { RouteSpec } from './routes.ts';
import * as s from './schemas.ts';
import { STAFF_AUTH_ERRORS as AUTH } from './route-errors.ts';

const vote = s.voteIdParamsSchema;

export const FOLLOW_UP_ROUTES = {
  voteFollowUps: {
    method: 'GET', path: '/api/votes/:id/follow-ups', role: 'public',
    summary: 'What follows each outcome (signed in the manifest), what the published result triggered, and the linked votes',
    params: vote, status: 200, response: f.voteFollowUpsSchema, errors: ['vote_not_found'],
  },
  adminFollowUps: {
    method: 'GET', path: '/api/admin/follow-ups/:id', role: 'admin',
    summary: 'A vote or draft: the follow-up link it comes from and the follow-up drafts and votes started from it',
    params: f.followUpIdParamsSchema, status: 200, response: f.adminFollowUpsSchema, errors: [...AUTH],
  },
  adminStartFollowUp: {
    method: 'POST', path: '/api/admin/votes/:id/follow-ups', role: 'admin',
    summary: "Start a published vote's triggered vote follow-up: a new draft with the template's questions, linked to the parent (once, unless discarded)",
    params: vote, body: f.startFollowUpBodySchema, status: 201, response: f.startedFollowUpSchema,
    errors: [
      ...AUTH, 'vote_not_found', 'result_not_published', 'follow_up_not_triggered', 'follow_up_not_a_vote', 'follow_up_template_mismatch',
      'union_mismatch', 'follow_up_already_started', 'invalid_definition', 'union_not_found', 'duplicate_draft', 'duplicate_vote',
    ],
  },
  adminDiscardFollowUp: {
    method: 'POST', path: '/api/admin/follow-ups/:id/discard', role: 'admin',
    summary: 'Discard a follow-up draft whose key ceremony has not produced a vote; the follow-up may then be started again',
    params: f.followUpIdParamsSchema, status: 200, response: f.followUpLinkSchema.omit({ childStatus: true }).extend({ discardedAt: f.followUpLinkSchema.shape.startedAt }),
    errors: [...AUTH, 'not_a_follow_up', 'draft_not_found', 'draft_already_created'],
  },
} as const satisfies Record<string, RouteSpec>;
