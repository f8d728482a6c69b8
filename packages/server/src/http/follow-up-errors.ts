// Linked follow-up votes' result codes and their HTTP statuses, spread into errors.ts's one table.
export const FOLLOW_UP_STATUS = {
  // 400: the definition does not carry the template's questions as declared.
  follow_up_template_mismatch: 400,
  // 404
  not_a_follow_up: 404,
  // 409: valid, but not now (or not for this outcome).
  follow_up_not_triggered: 409, follow_up_not_a_vote: 409, follow_up_already_started: 409,
} as const;

export type FollowUpCode = keyof typeof FOLLOW_UP_STATUS;

export const FOLLOW_UP_MESSAGES: Record<FollowUpCode, string> = {
  follow_up_template_mismatch: "The follow-up vote's questions must be the ones its parent declared",
  not_a_follow_up: 'That draft was not started as a follow-up',
  follow_up_not_triggered: 'The published outcome of that question does not trigger a follow-up',
  follow_up_not_a_vote: 'The follow-up this outcome triggers is a note, not a vote',
  follow_up_already_started: 'This follow-up vote was already started',
};
