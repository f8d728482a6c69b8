// Builders for the bargaining tracker's API tests: a 2008-style contract, the producers' final offer
// compared with the federation's agreement, a seeded tracker, attaching a document through the API,
// an offer's current digest, and a vote whose manifest binds an offer (information.offer).
import { seededRandom, unwrap } from '@ratify/crypto';
import { asUnionId, generateElectionId } from '@ratify/protocol';
import { type VoteDefinition, definitionCeremonyContext, ruleOf, runLocalCeremony } from '@ratify/engine';
import { expect } from 'vitest';
import type { RatifyClient } from '../src/client.ts';
import type { TestServer } from './fixtures.ts';
import { ristretto255 as caGroup } from '@ratify/crypto';
import { newAuthority } from '@ratify/engine';

/** The election committee's offline credential authority for this file's votes (test key). */
const TEST_AUTHORITY = newAuthority(caGroup, 'offline');

export const CONTRACT = {
  id: 'sag-tv-2008', title: 'SAG–AMPTP TV/Theatrical Contract', parties: ['Screen Actors Guild', 'AMPTP'], coveredUnit: 'Performers in film and primetime television',
  effectiveDate: '2005-07-01', expiryDate: '2008-06-30', status: 'in_force',
} as const;
export const pct = (key: string, bp: number, label = key) => ({ key, label, value: { kind: 'percent', basisPoints: bp }, direction: 'higher_is_better' });
export const OFFER = {
  id: 'amptp-final', kind: 'offer', title: 'AMPTP final offer', madeBy: 'AMPTP', madeOn: '2008-06-30', finalOffer: false,
  terms: [pct('wage-y1', 300), pct('new-media', 120), { key: 'term', label: 'Term', value: { kind: 'integer', value: 36, unit: 'months' }, direction: 'none' }],
};
export const AFTRA = { ...OFFER, id: 'aftra-2008', kind: 'agreement', title: 'AFTRA 2008', madeBy: 'AFTRA and AMPTP', terms: [pct('wage-y1', 300), pct('new-media', 100)] };

/** The contract, the AFTRA agreement and the final offer compared with it; the final offer's creation. */
export async function seedTracker(admin: () => RatifyClient) {
  expect(await admin().call('createContract', { json: CONTRACT })).toMatchObject({ status: 201 });
  expect(await admin().call('createOffer', { params: { id: CONTRACT.id }, json: AFTRA })).toMatchObject({ status: 201 });
  return admin().call('createOffer', { params: { id: CONTRACT.id }, json: { ...OFFER, comparedWith: ['aftra-2008'] } });
}

/** Attaches a document to the contract, or to one of its offers, through the API. */
/** A Markdown and a PDF document's bytes (the upload sniffs the type from them). */
export const MD = '# Summary\n\n- 3% in year one\n';
export const PDF = '%PDF-1.7\nillustrative';
export const attachDocument = (admin: () => RatifyClient, id: string, name: string, bytes: Uint8Array | string, offerId?: string) =>
  admin().call('addDocument', { params: { id: CONTRACT.id }, json: { id, name, contentBase64: Buffer.from(bytes).toString('base64'), ...(offerId !== undefined ? { offerId } : {}) } });

/** The offer's digest as the server reports it now. */
export async function digestOf(admin: () => RatifyClient, offerId: string): Promise<string> {
  const offers = await admin().call('listOffers');
  const found = offers.ok ? offers.value.offers.find((o) => o.offer.id === offerId) : undefined;
  if (found === undefined) throw new Error(`no offer ${offerId}`);
  return found.digest;
}

/** Creates the vote `sag-ratify` whose manifest binds this offer reference. */
export async function voteBinding(server: TestServer, reference: { id: string; title: string; digest: string }): Promise<void> {
  const { engine } = server;
  unwrap(await engine.store.members.createUnion({ id: asUnionId('sag'), name: 'SAG' }));
  unwrap(await engine.store.members.importRoll(asUnionId('sag'), [{ memberNumber: 'S1', name: 'S', email: 's@example.org', goodStanding: true, unit: null }]));
  const definition: VoteDefinition = {
    credentialAuthority: TEST_AUTHORITY.credentialAuthority,
    voteId: 'sag-ratify', electionId: generateElectionId(), title: 'Ratify', unionId: 'sag', unionName: 'SAG', recordDate: '2026-11-01',
    schedule: { opensAt: '2026-11-02T09:00:00Z', closesAt: '2026-11-20T17:00:00Z' },
    questions: [{ id: 'q1', kind: 'yes_no', text: 'Ratify?', options: ['yes', 'no'], min: 1, max: 1, blankAllowed: false, rule: ruleOf('ratification')! }],
    trustees: { threshold: 1, members: [{ id: 't1', name: 'T1' }] },
    linkedOfferId: reference.id,
    information: { summary: 'The final offer.', statements: [], offer: reference },
  };
  const ceremony = runLocalCeremony(engine.group, { context: definitionCeremonyContext(definition), threshold: 1, trusteeCount: 1 }, seededRandom('bargaining'));
  unwrap(await engine.createVote(definition, ceremony.messages));
}
