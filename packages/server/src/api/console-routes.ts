// The admin console's and trustee pages' routes (rolls, drafts, the key-ceremony relay, the
// trustees' tally step, turnout): part of the one route table — routes.ts spreads them into
// ROUTES, so handlers, the typed client and the OpenAPI document see them like any other route.
import * as c from './console-schemas.ts';
import type { RouteSpec } from './routes.ts';
import * as s from './schemas.ts';
import { STAFF_AUTH_ERRORS as AUTH } from './route-errors.ts';

const union = c.unionIdParamsSchema;
const draft = c.draftIdParamsSchema;
const vote = s.voteIdParamsSchema;
const WIRE = ['too_large', 'non_canonical', 'schema_mismatch', 'invalid_element', 'identity', 'non_canonical_scalar'] as const;
const TRUSTEE = [...AUTH, 'not_a_trustee'] as const;

export const CONSOLE_ROUTES = {
  createUnion: {
    method: 'POST', path: '/api/admin/unions', role: 'admin', summary: 'Create a union',
    body: c.createUnionBodySchema, status: 201, response: c.unionSchema, errors: [...AUTH, 'duplicate_union'],
  },
  listUnions: { method: 'GET', path: '/api/admin/unions', role: 'admin', summary: 'Every union with its member and eligible counts', status: 200, response: c.unionListSchema, errors: [...AUTH] },
  previewRoll: {
    method: 'POST', path: '/api/admin/unions/:id/roll/preview', role: 'admin',
    summary: 'Check a roll CSV without importing it: counts, changes against the current roll, dual members, and every issue by line and column',
    params: union, body: c.rollUploadBodySchema, status: 200, response: c.rollPreviewSchema, errors: [...AUTH, 'union_not_found'],
  },
  importRoll: {
    method: 'POST', path: '/api/admin/unions/:id/roll/import', role: 'admin', summary: "Replace the union's roll with a CSV, all or nothing (the preview's checks); removing or disqualifying members needs confirmRemovals equal to their number; audited with the counts",
    params: union, body: c.rollImportBodySchema, status: 200, response: c.rollImportSchema, errors: [...AUTH, 'union_not_found', 'invalid_roll', 'duplicate_member', 'removal_not_confirmed'],
    auditedByService: true,
  },
  amendRoll: {
    method: 'POST', path: '/api/admin/votes/:id/roll/amendments', role: 'admin', summary: "Amend a vote's frozen roll (added late, removed, challenged) with a reason, audited",
    params: vote, body: c.rollAmendmentBodySchema, status: 201, response: c.rollEventSchema,
    errors: [...AUTH, 'vote_not_found', 'roll_not_frozen', 'roll_locked', 'missing_reason', 'member_not_found', 'already_on_roll', 'not_on_roll', 'already_challenged'],
  },
  listRollEvents: {
    method: 'GET', path: '/api/admin/votes/:id/roll/events', role: 'admin', summary: "The frozen roll's size now and its amendments, in order",
    params: vote, status: 200, response: c.rollEventListSchema, errors: [...AUTH, 'vote_not_found', 'roll_not_frozen'],
  },
  validateDraft: {
    method: 'POST', path: '/api/admin/drafts/validate', role: 'admin', summary: 'Check a vote definition and list every problem by field (nothing is saved)',
    body: c.draftValidateBodySchema, status: 200, response: c.draftValidationSchema, errors: [...AUTH],
  },
  createDraft: {
    method: 'POST', path: '/api/admin/drafts', role: 'admin', summary: 'Save a vote definition as a draft; its trustees then run the key ceremony',
    body: c.draftDefinitionSchema, status: 201, response: c.draftSchema, errors: [...AUTH, 'invalid_definition', 'union_not_found', 'duplicate_draft', 'duplicate_vote', 'offer_not_found', 'offer_digest_mismatch'],
  },
  listDrafts: { method: 'GET', path: '/api/admin/drafts', role: 'admin', summary: 'Every draft with its ceremony status', status: 200, response: c.draftListSchema, errors: [...AUTH] },
  getDraft: {
    method: 'GET', path: '/api/admin/drafts/:id', role: 'admin', summary: 'A draft with its ceremony status',
    params: draft, status: 200, response: c.draftSchema, errors: [...AUTH, 'draft_not_found'],
  },
  adminDraftCeremony: {
    method: 'GET', path: '/api/admin/drafts/:id/ceremony', role: 'admin', summary: "A draft's key ceremony: parameters and which trustee has done each step",
    params: draft, status: 200, response: c.ceremonyStatusSchema, errors: [...AUTH, 'draft_not_found'],
  },
  createVoteFromDraft: {
    method: 'POST', path: '/api/admin/drafts/:id/create-vote', role: 'admin', summary: 'The ceremony is complete: create the vote (freezing the roll) and schedule its opening and closing',
    params: draft, status: 201, response: c.createdVoteSchema,
    errors: [...AUTH, 'draft_not_found', 'draft_already_created', 'ceremony_incomplete', 'ceremony_failed', 'no_eligible_members', 'duplicate_vote', 'union_not_found', 'invalid_definition', 'roll_already_frozen', 'eligible_count_mismatch'],
  },
  turnoutDashboard: {
    method: 'GET', path: '/api/admin/votes/:id/turnout', role: 'observer', summary: 'Turnout: eligible, voted, ballots per hour and per unit (counts only)',
    params: vote, status: 200, response: c.turnoutDashboardSchema, errors: [...AUTH, 'vote_not_found'],
  },
  listVoters: {
    method: 'GET', path: '/api/admin/votes/:id/voters', role: 'admin', summary: 'Who has voted (never how): member numbers, names and units',
    params: vote, status: 200, response: c.voterListSchema, errors: [...AUTH, 'vote_not_found'],
  },
  trusteeDrafts: {
    method: 'GET', path: '/api/trustee/drafts', role: 'trustee', summary: "Drafts whose key ceremony the signed-in trustee takes part in",
    status: 200, response: c.trusteeDraftListSchema, errors: [...AUTH],
  },
  trusteeCeremony: {
    method: 'GET', path: '/api/trustee/drafts/:id/ceremony', role: 'trustee', summary: 'The key ceremony: context, k, n, trustees, who has done each step, and which trustee you are',
    params: draft, status: 200, response: c.ceremonyStatusSchema, errors: [...TRUSTEE, 'draft_not_found'],
  },
  trusteeCeremonyMessages: {
    method: 'GET', path: '/api/trustee/drafts/:id/ceremony/messages', role: 'trustee', summary: "Every public ceremony message so far (canonical JSON texts), in order of receipt",
    params: draft, status: 200, response: c.ceremonyMessageListSchema, errors: [...TRUSTEE, 'draft_not_found'],
  },
  trusteePostCeremonyMessage: {
    method: 'POST', path: '/api/trustee/drafts/:id/ceremony/messages', role: 'trustee',
    summary: "Post one of your ceremony messages (its canonical JSON text): checked at once, refused naming the trustee if bad",
    params: draft, body: 'canonical', status: 201, response: c.ceremonyMessageReceiptSchema,
    errors: [...TRUSTEE, ...WIRE, 'draft_not_found', 'draft_already_created', 'wrong_author', 'duplicate_message', 'ceremony_out_of_order', 'ceremony_failed', 'ceremony_message_rejected'],
  },
  trusteeTally: {
    method: 'GET', path: '/api/trustee/votes/:id/tally', role: 'trustee', summary: 'After the close: the encrypted tally and the manifest, to decrypt your share of',
    params: vote, status: 200, response: c.trusteeTallySchema, errors: [...TRUSTEE, 'vote_not_found', 'vote_not_closed', 'tally_not_computed'],
  },
  trusteePartialDecryption: {
    method: 'POST', path: '/api/trustee/votes/:id/partial-decryptions', role: 'trustee',
    summary: 'Post your partial decryption of the tally (canonical JSON); at k valid ones the result is published',
    params: vote, body: 'canonical', status: 201, response: c.trusteeDecryptionReceiptSchema,
    errors: [...TRUSTEE, ...WIRE, 'vote_not_found', 'vote_not_closed', 'tally_not_computed', 'wrong_author', 'duplicate_partial_decryption', 'bad_decryption_proof', 'wrong_count', 'unknown_trustee'],
  },
} as const satisfies Record<string, RouteSpec>;

/** Request body limits of these routes (route-kit's default is 16 KiB). */
export const CONSOLE_BODY_LIMITS = {
  previewRoll: 64 * 1024 * 1024,
  importRoll: 64 * 1024 * 1024,
  validateDraft: 1024 * 1024,
  createDraft: 1024 * 1024,
  trusteePostCeremonyMessage: 64 * 1024,
  trusteePartialDecryption: 4 * 1024 * 1024,
} as const;
