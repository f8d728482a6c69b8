// The roll-amendment page's logic (admin/roll-amendments.ts): a change, a member number and a
// reason are all required before anything is sent; every refusal the API lists for amendRoll has
// words (on the field it concerns); who made an amendment reads as the staff username.
import { describe, expect, it } from 'vitest';
import { ROUTES } from '@ratify/server/api';
import '../src/i18n/staff-catalogue.ts';
import { catalogue } from '../src/i18n/i18n.ts';
import { actorLabel, amendmentRefusal, checkAmendment } from '../src/admin/roll-amendments.ts';

describe('roll amendment form', () => {
  it('needs a change, a member number and a reason (blank is not a reason)', () => {
    expect(checkAmendment({ kind: '', memberNumber: ' ', reason: '   ' })).toEqual({
      kind: 'admin.amend.kind_missing',
      memberNumber: 'admin.amend.member_missing',
      reason: 'admin.amend.reason_missing',
    });
    expect(checkAmendment({ kind: 'removed', memberNumber: 'N1', reason: 'x'.repeat(1001) })).toEqual({ reason: 'admin.amend.reason_long' });
    expect(checkAmendment({ kind: 'added', memberNumber: 'S3', reason: 'dues paid on the record date' })).toEqual({});
  });

  it('has words for every amendRoll refusal specific to amendments, in English and Spanish', () => {
    const specific = ROUTES.amendRoll.errors.filter((c) => !['admin_token_required', 'admin_token_invalid', 'admin_disabled', 'staff_sign_in_required', 'forbidden_role', 'csrf_invalid', 'vote_not_found'].includes(c));
    expect(specific.length).toBeGreaterThan(0);
    for (const code of specific) {
      const r = amendmentRefusal(code);
      expect(r, code).toBeDefined();
      expect(catalogue('en')[r!.message]).toBeTruthy();
      expect(catalogue('es')[r!.message]).toBeTruthy();
    }
    expect(amendmentRefusal('already_on_roll')).toEqual({ field: 'memberNumber', message: 'admin.amend.already_on_roll' });
    expect(amendmentRefusal('roll_locked')).toEqual({ field: null, message: 'admin.amend.locked' });
    expect(amendmentRefusal('internal_error')).toBeUndefined();
  });

  it('names who amended', () => {
    expect(actorLabel('staff:ada')).toEqual({ name: 'ada' });
    expect(actorLabel('ops-token')).toEqual({ key: 'admin.amend.by_token' });
    expect(actorLabel(null)).toEqual({ key: 'admin.amend.by_unknown' });
  });
});
