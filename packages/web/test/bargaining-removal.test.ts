// Removal on the contract page (admin/bargaining-removal.tsx): "Remove" is offered only for an offer
// no vote, draft or other offer refers to, and for a document unless its offer is bound; the
// question counts the documents that go with an offer; the server's refusals of both routes have
// words in English and Spanish (i18n.test.ts checks their placeholders match).
import { ROUTES } from '@ratify/server/api';
import { describe, expect, it } from 'vitest';
import { documentRemoval, offerConfirmKey, offerRemoval, removalRefusal } from '../src/admin/bargaining-removal.tsx';
import '../src/i18n/staff-catalogue.ts';
import { catalogue } from '../src/i18n/i18n.ts';
import { translate } from '../src/i18n/i18n.ts';

const GUARD = ['admin_token_required', 'admin_token_invalid', 'admin_disabled', 'staff_sign_in_required', 'forbidden_role', 'csrf_invalid'];
const entry = (id: string, bound = false, comparedBy: string[] = []) => ({ offer: { id, title: `Title of ${id}` }, bound, comparedBy });
const doc = (offerId: string | null) => ({ offerId });

describe('which offers can be removed', () => {
  it('offers removal of an unbound offer no other offer is compared with, counting its own documents', () => {
    const documents = [doc('final'), doc('final'), doc('other'), doc(null)];
    expect(offerRemoval(entry('final'), documents)).toEqual({ kind: 'allowed', documents: 2 });
    expect(offerRemoval(entry('lonely'), documents)).toEqual({ kind: 'allowed', documents: 0 });
  });

  it('says why not: bound first (it can never go), then the offers compared with it', () => {
    expect(offerRemoval(entry('final', true, ['x']), [])).toEqual({ kind: 'bound' });
    expect(offerRemoval(entry('deal', false, ['final', 'other-contract-offer']), [])).toEqual({ kind: 'compared', by: ['final', 'other-contract-offer'] });
  });

  it('asks a question that names the documents going with the offer', () => {
    expect([0, 1, 2, 7].map(offerConfirmKey)).toEqual(['bargaining.remove_offer_confirm', 'bargaining.remove_offer_confirm_one', 'bargaining.remove_offer_confirm_many', 'bargaining.remove_offer_confirm_many']);
    expect(translate('en', offerConfirmKey(3), { title: 'Final offer', count: 3 })).toMatch(/^Remove “Final offer” and the 3 documents attached to it\?/);
    expect(translate('es', offerConfirmKey(1), { title: 'Oferta final', count: 1 })).toMatch(/^¿Quitar «Oferta final» y el documento adjunto\?/);
  });
});

describe('which documents can be removed', () => {
  it("removes a contract's own document, and an unbound offer's (naming the offer), but not a bound offer's", () => {
    const offers = [entry('final', true), entry('draft-deal')];
    expect(documentRemoval(doc(null), offers)).toEqual({ kind: 'allowed', offer: null });
    expect(documentRemoval(doc('draft-deal'), offers)).toEqual({ kind: 'allowed', offer: { id: 'draft-deal', title: 'Title of draft-deal' } });
    expect(documentRemoval(doc('final'), offers)).toEqual({ kind: 'bound', offer: { id: 'final', title: 'Title of final' } });
  });
});

describe('refusals in words', () => {
  it.each(['deleteOffer', 'deleteDocument'] as const)('%s: each refusal a stale page can meet has English and Spanish words', (route) => {
    const codes = ROUTES[route].errors.filter((c) => !GUARD.includes(c) && !c.endsWith('_not_found'));
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) {
      const key = removalRefusal(code);
      expect(key, code).toBeDefined();
      expect(catalogue('en')[key!]).toBeTruthy();
      expect(catalogue('es')[key!]).toBeTruthy();
    }
    expect(removalRefusal('internal_error')).toBeUndefined();
  });
});
