// Result codes of the staff-account routes and their HTTP statuses, spread into errors.ts's one table.
export const STAFF_ACCOUNT_STATUS = {
  weak_password: 400, same_password: 400,
  wrong_password: 403,
  staff_not_found: 404,
  already_disabled: 409, last_administrator: 409, cannot_disable_self: 409, not_disabled: 409,
} as const;

export type StaffAccountCode = keyof typeof STAFF_ACCOUNT_STATUS;

export const STAFF_ACCOUNT_MESSAGES: Partial<Record<StaffAccountCode, string>> = {
  weak_password: 'The new password is too short or too long',
  same_password: 'The new password must differ from the current one',
  wrong_password: 'The current password is wrong',
  staff_not_found: 'No such staff account',
  already_disabled: 'That account is already disabled',
  last_administrator: 'The last active administrator cannot be disabled',
  cannot_disable_self: 'You cannot disable your own account',
  not_disabled: 'That account is not disabled',
};
