// The roll-amendment form's logic, apart from the page: what a filled form must hold before it is
// sent (a member number and a reason; the server checks them again), and the words for each refusal
// the server can give. Pure.
import type { MessageKey } from '../i18n/en.ts';

export type AmendmentKind = 'added' | 'removed' | 'challenged';
export const AMENDMENT_KINDS: readonly AmendmentKind[] = ['added', 'removed', 'challenged'];
export type AmendmentForm = { readonly kind: AmendmentKind | ''; readonly memberNumber: string; readonly reason: string };
export type AmendmentField = 'kind' | 'memberNumber' | 'reason';

/** Problems per field (empty: ready to send). */
export function checkAmendment(form: AmendmentForm): Partial<Record<AmendmentField, MessageKey>> {
  const problems: Partial<Record<AmendmentField, MessageKey>> = {};
  if (form.kind === '') problems.kind = 'admin.amend.kind_missing';
  if (form.memberNumber.trim() === '') problems.memberNumber = 'admin.amend.member_missing';
  if (form.reason.trim() === '') problems.reason = 'admin.amend.reason_missing';
  else if (form.reason.trim().length > 1000) problems.reason = 'admin.amend.reason_long';
  return problems;
}

/** The server's refusal, in words and on the field it concerns (undefined: a general failure). */
export function amendmentRefusal(code: string): { readonly field: AmendmentField | null; readonly message: MessageKey } | undefined {
  switch (code) {
    case 'member_not_found':
      return { field: 'memberNumber', message: 'admin.amend.member_not_found' };
    case 'already_on_roll':
      return { field: 'memberNumber', message: 'admin.amend.already_on_roll' };
    case 'not_on_roll':
      return { field: 'memberNumber', message: 'admin.amend.not_on_roll' };
    case 'already_challenged':
      return { field: 'memberNumber', message: 'admin.amend.already_challenged' };
    case 'missing_reason':
      return { field: 'reason', message: 'admin.amend.reason_missing' };
    case 'roll_locked':
      return { field: null, message: 'admin.amend.locked' };
    case 'roll_not_frozen':
      return { field: null, message: 'admin.amend.not_frozen' };
    default:
      return undefined;
  }
}

/** `staff:ada` → `ada`; the operations token → its description key. */
export function actorLabel(by: string | null): { readonly name: string } | { readonly key: MessageKey } {
  if (by === null) return { key: 'admin.amend.by_unknown' };
  if (by.startsWith('staff:')) return { name: by.slice('staff:'.length) };
  return by === 'ops-token' ? { key: 'admin.amend.by_token' } : { name: by };
}
