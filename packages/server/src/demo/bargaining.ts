// The demo's bargaining tracker (design §6), in the spirit of 2008: the guild's TV/theatrical
// contract expiring 2008-06-30, formal sessions from 2008-04-15, working without a contract after
// expiry, and the producers' final offer beside the federation's 2008 deal it is said to mirror and
// the directors' and writers' 2008 agreements. ALL TERMS ARE ILLUSTRATIVE DEMO DATA, not the real
// contracts' terms. Idempotent. `linkDemoOffers` seeds it and binds each demo vote to its offer
// (information.offer, by digest) before the votes are created; both bound offers carry a short
// Markdown document members can download from the booth and the vote page. The documents are
// attached first, so each offer lists its document (and its SHA-256) when its digest is signed.
import { err, ok, unwrap, type Result } from '@ratify/crypto';
import type { VoteDefinition } from '@ratify/engine';
import { createOffer, offerDigest, parseWireOffer, sniffDocument, toWireOffer, type Direction, type OfferInput, type ContractStatus, type Term, type TermValue } from '@ratify/protocol/bargaining';
import type { Store } from '@ratify/storage';
import { attachOfferDocument } from '../services/offer-records.ts';

const ILLUSTRATIVE = 'Illustrative demo data: not the terms of the real agreement.';
const pct = (bp: number): TermValue => ({ kind: 'percent', basisPoints: bp });
const days = (n: number): TermValue => ({ kind: 'integer', value: n, unit: 'days' });
const months = (n: number): TermValue => ({ kind: 'integer', value: n, unit: 'months' });
const usd = (cents: number): TermValue => ({ kind: 'money', currency: 'USD', minorUnits: cents });
const yes = (value: boolean): TermValue => ({ kind: 'boolean', value });
const text = (t: string): TermValue => ({ kind: 'text', text: t });

const LABELS: Record<string, readonly [string, Direction]> = {
  'wage-y1': ['Minimum wage increase, year 1', 'higher_is_better'],
  'wage-y2': ['Minimum wage increase, year 2', 'higher_is_better'],
  'wage-y3': ['Minimum wage increase, year 3', 'higher_is_better'],
  'health-pension': ['Health and pension contribution increase', 'higher_is_better'],
  'nm-streaming-residual': ['New media: ad-supported streaming residual (share of distributor’s gross)', 'higher_is_better'],
  'nm-free-window': ['New media: free streaming window before residuals', 'lower_is_better'],
  'nm-budget-floor': ['New media: budget floor for union coverage of original productions', 'lower_is_better'],
  'retroactive-pay': ['Raises retroactive to the expiry date', 'higher_is_better'],
  'product-placement-consent': ['Performer consent to product placement', 'higher_is_better'],
  'force-majeure': ['Force majeure terms', 'none'],
  term: ['Length of the agreement', 'none'],
};
const terms = (values: Record<string, TermValue>): Term[] =>
  Object.entries(values).map(([key, value]) => {
    const [label, direction] = LABELS[key]!;
    return { key, label, value, direction };
  });

type DemoContract = {
  readonly id: string; readonly title: string; readonly parties: readonly string[]; readonly coveredUnit: string;
  readonly effectiveDate: string; readonly expiryDate: string;
  /** Status changes after `in_force`, in order, with the day each took effect. */
  readonly history: readonly (readonly [status: ContractStatus, onDate: string, note: string | null])[];
  readonly sessions: readonly { readonly date: string; readonly kind: 'formal' | 'informal'; readonly notes?: string }[];
};

/** Weekdays from `from` to `to` inclusive (the demo's formal sessions sit at the table on weekdays). */
function weekdays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

const PRODUCERS = 'Alliance of Motion Picture and Television Producers (AMPTP)';

const CONTRACTS: readonly DemoContract[] = [
  {
    id: 'guild-tv-theatrical-2005', title: 'Guild TV/Theatrical Contract 2005–2008 (demo)', parties: ['Screen Actors Guild (demo)', PRODUCERS],
    coveredUnit: 'Performers in theatrical motion pictures and primetime television', effectiveDate: '2005-07-01', expiryDate: '2008-06-30',
    history: [['expired', '2008-06-30', null], ['working_without_contract', '2008-07-01', 'Members keep working under the expired terms while talks continue.']],
    sessions: [
      { date: '2008-04-08', kind: 'informal', notes: 'Informal talks on the bargaining schedule.' },
      ...weekdays('2008-04-15', '2008-05-06').map((date, i) => ({ date, kind: 'formal' as const, ...(i === 0 ? { notes: 'Formal negotiations open.' } : {}) })),
      ...weekdays('2008-05-28', '2008-06-30').map((date) => ({ date, kind: 'formal' as const })),
      { date: '2008-06-30', kind: 'formal', notes: 'The producers present their final offer.' },
      ...weekdays('2008-07-01', '2008-07-03').map((date) => ({ date, kind: 'formal' as const })),
    ],
  },
  {
    id: 'federation-primetime-2005', title: 'Federation Primetime Television Contract 2005–2008 (demo)', parties: ['Television and Radio Artists Federation (demo)', PRODUCERS],
    coveredUnit: 'Performers in primetime television', effectiveDate: '2005-07-01', expiryDate: '2008-06-30',
    history: [['tentative_agreement', '2008-05-28', 'Tentative agreement reached; sent to the members for ratification.']],
    sessions: weekdays('2008-05-07', '2008-05-27').map((date) => ({ date, kind: 'formal' as const })),
  },
  {
    id: 'directors-basic-2008', title: 'Directors’ Basic Agreement 2008 (demo)', parties: ['Directors Guild (demo)', PRODUCERS],
    coveredUnit: 'Directors and their teams', effectiveDate: '2008-07-01', expiryDate: '2011-06-30', history: [], sessions: [],
  },
  {
    id: 'writers-mba-2008', title: 'Writers’ Minimum Basic Agreement 2008 (demo)', parties: ['Writers Guild (demo)', PRODUCERS],
    coveredUnit: 'Writers for film and television', effectiveDate: '2008-02-13', expiryDate: '2011-05-01', history: [], sessions: [],
  },
];

const OFFERS: readonly OfferInput[] = [
  {
    id: 'directors-2008-agreement', contractId: 'directors-basic-2008', kind: 'agreement', title: 'Directors’ 2008 agreement (demo)', madeBy: 'Directors Guild and AMPTP',
    madeOn: '2008-01-17', finalOffer: false, summary: ILLUSTRATIVE,
    terms: terms({ 'wage-y1': pct(300), 'wage-y2': pct(300), 'wage-y3': pct(350), 'nm-streaming-residual': pct(120), 'nm-free-window': days(17), term: months(36) }),
  },
  {
    id: 'writers-2008-agreement', contractId: 'writers-mba-2008', kind: 'agreement', title: 'Writers’ 2008 agreement (demo)', madeBy: 'Writers Guild and AMPTP',
    madeOn: '2008-02-12', finalOffer: false, summary: ILLUSTRATIVE,
    terms: terms({ 'wage-y1': pct(300), 'wage-y2': pct(300), 'wage-y3': pct(350), 'nm-streaming-residual': pct(200), 'nm-free-window': days(24), 'nm-budget-floor': usd(1_500_000_00), term: months(39) }),
  },
  {
    id: 'federation-2008-agreement', contractId: 'federation-primetime-2005', kind: 'offer', title: 'Federation 2008 primetime deal (demo)', madeBy: 'AMPTP',
    madeOn: '2008-05-28', finalOffer: true, summary: `The tentative agreement put to the federation's members. ${ILLUSTRATIVE}`,
    terms: terms({
      'wage-y1': pct(300), 'wage-y2': pct(350), 'wage-y3': pct(350), 'health-pension': pct(50), 'nm-streaming-residual': pct(200), 'nm-free-window': days(17),
      'nm-budget-floor': usd(1_500_000_00), 'retroactive-pay': yes(true), 'product-placement-consent': yes(false), 'force-majeure': text('Unchanged from 2005'), term: months(36),
    }),
    comparedWith: ['directors-2008-agreement', 'writers-2008-agreement'],
  },
  {
    id: 'guild-2008-union-proposal', contractId: 'guild-tv-theatrical-2005', kind: 'proposal', title: 'Guild opening proposal (demo)', madeBy: 'Screen Actors Guild (demo)',
    madeOn: '2008-04-15', finalOffer: false, summary: ILLUSTRATIVE,
    terms: terms({ 'wage-y1': pct(400), 'wage-y2': pct(400), 'wage-y3': pct(400), 'nm-streaming-residual': pct(250), 'nm-free-window': days(0), 'product-placement-consent': yes(true), term: months(36) }),
  },
  {
    id: 'producers-2008-final-offer', contractId: 'guild-tv-theatrical-2005', kind: 'offer', title: 'Producers’ final offer to the guild, 30 June 2008 (demo)', madeBy: 'AMPTP',
    madeOn: '2008-06-30', finalOffer: true,
    summary: `The producers say this offer mirrors the federation's 2008 deal; compare it term by term. ${ILLUSTRATIVE}`,
    terms: terms({
      'wage-y1': pct(300), 'wage-y2': pct(350), 'wage-y3': pct(350), 'health-pension': pct(50), 'nm-streaming-residual': pct(200), 'nm-free-window': days(17),
      'nm-budget-floor': usd(1_500_000_00), 'retroactive-pay': yes(false), 'product-placement-consent': yes(false), 'force-majeure': text('Shorter notice period for the producers'), term: months(36),
    }),
    comparedWith: ['federation-2008-agreement', 'directors-2008-agreement', 'writers-2008-agreement'],
  },
];

/** Which demo vote is bound to which offer. */
const VOTE_OFFERS: Readonly<Record<string, string>> = {
  'federation-primetime-2008': 'federation-2008-agreement',
  'guild-strike-authorization-2009': 'producers-2008-final-offer',
};

const SUMMARY_MD = `# Producers' final offer (demo)

*Illustrative demo data: not the terms of the real agreement.*

- Minimum wages: +3.0%, +3.5%, +3.5%
- New media: residuals for ad-supported streaming after a 17-day free window
- **Not retroactive** to the expiry date
`;

const HIGHLIGHTS_MD = `# Federation 2008 primetime deal: highlights (demo)

*Illustrative demo data: not the terms of the real agreement.*

- Minimum wages: +3.0%, +3.5%, +3.5%; health and pension contributions up 0.5%
- New media: residuals for ad-supported streaming after a 17-day free window
- Raises **retroactive** to the expiry date
- Length of the agreement: 36 months
`;

/** Documents attached to offers (each added once, by id, so older demo databases get new ones too). */
const DOCUMENTS: readonly { readonly id: string; readonly contractId: string; readonly offerId: string; readonly name: string; readonly markdown: string }[] = [
  { id: 'producers-2008-final-offer-summary', contractId: 'guild-tv-theatrical-2005', offerId: 'producers-2008-final-offer', name: 'final-offer-summary.md', markdown: SUMMARY_MD },
  { id: 'federation-2008-agreement-highlights', contractId: 'federation-primetime-2005', offerId: 'federation-2008-agreement', name: 'federation-deal-highlights.md', markdown: HIGHLIGHTS_MD },
];

/**
 * Attaches a demo document to its offer (listed in the offer, so in its digest), once by id. An
 * older demo database whose votes already bind the offer keeps it unchanged: its digest is signed.
 */
async function seedDocument(store: Store, d: (typeof DOCUMENTS)[number]): Promise<Result<'added' | 'present' | 'offer_bound', string>> {
  if ((await store.bargaining.getDocument(d.id)) !== null) return ok('present');
  const bytes = new TextEncoder().encode(d.markdown);
  // Recognised like an upload (type, size, SHA-256), so the demo stores nothing a real upload could not.
  const added = await attachOfferDocument(store, { id: d.id, contractId: d.contractId, offerId: d.offerId, name: d.name, ...unwrap(sniffDocument(bytes)), bytes });
  if (added.ok) return ok('added');
  return added.error === 'offer_in_use' ? ok('offer_bound') : err(added.error, added.detail);
}

export async function seedDemoBargaining(store: Store): Promise<void> {
  if ((await store.bargaining.getContract(CONTRACTS[0]!.id)) === null) await seedTimeline(store);
  for (const d of DOCUMENTS) unwrap(await seedDocument(store, d));
}

async function seedTimeline(store: Store): Promise<void> {
  for (const c of CONTRACTS) {
    unwrap(await store.bargaining.createContract({ id: c.id, title: c.title, parties: c.parties, coveredUnit: c.coveredUnit, effectiveDate: c.effectiveDate, expiryDate: c.expiryDate, status: 'in_force' }));
    let from: ContractStatus = 'in_force';
    for (const [to, onDate, note] of c.history) {
      unwrap(await store.bargaining.changeContractStatus({ contractId: c.id, from, to, onDate, note }));
      from = to;
    }
    for (const [i, s] of c.sessions.entries()) {
      unwrap(await store.bargaining.putBargainingSession({ id: `${c.id}-s${i + 1}`, contractId: c.id, date: s.date, endDate: null, kind: s.kind, notes: s.notes ?? null }));
    }
  }
  for (const input of OFFERS) {
    const offer = unwrap(createOffer(input));
    unwrap(await store.bargaining.createOffer({ id: offer.id, contractId: offer.contractId, finalOffer: offer.finalOffer, offer: toWireOffer(offer) }));
  }
}

/**
 * Seeds the tracker (once) and binds each demo vote to its offer by digest (information.offer):
 * after the documents are attached, so the digest commits to them.
 */
export async function linkDemoOffers<D extends Omit<VoteDefinition, 'credentialAuthority'>>(store: Store, definitions: readonly D[]): Promise<D[]> {
  await seedDemoBargaining(store);
  const out: D[] = [];
  for (const d of definitions) {
    const offerId = VOTE_OFFERS[d.voteId];
    const stored = offerId === undefined ? null : await store.bargaining.getOffer(offerId);
    if (stored === null || d.information === undefined) {
      out.push(d);
      continue;
    }
    const offer = unwrap(parseWireOffer(stored.offer));
    out.push({ ...d, linkedOfferId: offer.id, information: { ...d.information, offer: { id: offer.id, title: offer.title, digest: offerDigest(offer) } } });
  }
  return out;
}
