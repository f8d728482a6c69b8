// Builders for sample offers (tests only): the producers' 2008-style final offer, exercising every
// term kind, an optional summary and comparedWith, without and with documents. All terms and
// document digests are illustrative test data.
import { sha256Hex, unwrap, utf8 } from '@ratify/crypto';
import { createOffer, withOfferDocuments, type Offer, type OfferDocument, type OfferInput } from '../src/bargaining/index.ts';

export const finalOfferInput: OfferInput = {
  id: 'amptp-final-2008', contractId: 'sag-tv-2008', kind: 'offer', title: 'AMPTP final offer, 30 June 2008', madeBy: 'AMPTP', madeOn: '2008-06-30', finalOffer: true,
  summary: 'Illustrative test data.\nNot the terms of the real offer.',
  terms: [
    { key: 'wage-y1', label: 'Minimum wage increase, year 1', value: { kind: 'percent', basisPoints: 300 }, direction: 'higher_is_better' },
    { key: 'nm-budget-floor', label: 'New media budget floor', value: { kind: 'money', currency: 'USD', minorUnits: 150_000_000 }, direction: 'lower_is_better', note: 'Original productions only.' },
    { key: 'effective', label: 'Effective date', value: { kind: 'date', date: '2008-07-01' }, direction: 'none' },
    { key: 'force-majeure', label: 'Force majeure', value: { kind: 'text', text: 'Shorter notice period' }, direction: 'none' },
    { key: 'nm-free-window', label: 'Free streaming window', value: { kind: 'integer', value: 17, unit: 'days' }, direction: 'lower_is_better' },
    { key: 'retroactive-pay', label: 'Raises retroactive to the expiry date', value: { kind: 'boolean', value: false }, direction: 'higher_is_better' },
  ],
  comparedWith: ['aftra-2008', 'dga-2008'],
};

/** The sample final offer (no documents). */
export const finalOffer = (): Offer => unwrap(createOffer(finalOfferInput));

/** Two documents of the sample final offer, as its offer object lists them (given out of id order). */
export const finalOfferDocuments: readonly OfferDocument[] = [
  { id: 'final-text', name: 'AMPTP final offer (full text).pdf', contentType: 'application/pdf', size: 48_213, sha256: sha256Hex(utf8('%PDF-1.7 illustrative full text')) },
  { id: 'final-summary', name: 'Résumé_final-offer.md', contentType: 'text/markdown', size: 1_024, sha256: sha256Hex(utf8('# Illustrative summary')) },
];

/** The sample final offer with its two documents. */
export const finalOfferWithDocuments = (): Offer => unwrap(withOfferDocuments(finalOffer(), finalOfferDocuments));
