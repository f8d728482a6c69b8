// The admin console's result codes and their HTTP statuses, spread into errors.ts's one table (so
// the mapper stays exhaustive and single) but kept here beside the feature that answers with them.
export const CONSOLE_STATUS = {
  // 400: the request fails a check (nothing was changed).
  invalid_roll: 400, duplicate_member: 400, removal_not_confirmed: 400, missing_reason: 400, invalid_definition: 400, invalid_record_date: 400,
  ceremony_message_rejected: 400,
  // 403: signed in, but not as the one who may do this.
  not_a_trustee: 403, wrong_author: 403,
  // 404
  union_not_found: 404, draft_not_found: 404, member_not_found: 404,
  // 409: valid, but not now.
  duplicate_union: 409, roll_not_frozen: 409, roll_locked: 409, already_on_roll: 409, not_on_roll: 409, already_challenged: 409,
  duplicate_draft: 409, duplicate_vote: 409, draft_already_created: 409, ceremony_incomplete: 409, ceremony_failed: 409,
  ceremony_out_of_order: 409, duplicate_message: 409, no_eligible_members: 409, eligible_count_mismatch: 409,
  roll_already_frozen: 409, union_mismatch: 409,
} as const;

export type ConsoleCode = keyof typeof CONSOLE_STATUS;

export const CONSOLE_MESSAGES: Partial<Record<ConsoleCode, string>> = {
  invalid_roll: 'The roll file has problems',
  removal_not_confirmed: 'This import removes members or takes away their good standing; send confirmRemovals with their number',
  invalid_definition: 'The vote definition is not valid',
  not_a_trustee: 'You hold no trustee slot here',
  wrong_author: 'This message is not yours to send',
  ceremony_message_rejected: 'The ceremony message was refused',
  ceremony_incomplete: 'The key ceremony is not complete yet',
};
