// Builders for sample manifests (tests only): the 2008-style AFTRA ratification and the SAG
// strike authorization with a 75% rule. Trustee keys are derived from fixed seeds so the golden
// files are reproducible; these are public test values, never real keys.
import { hashItems, ristretto255 as g, toHex, unwrap, utf8 } from '@ratify/crypto';
import { createManifest, type Manifest, type ManifestDraft } from '../src/index.ts';

/** Deterministic test-only Feldman commitments for k coefficients of each trustee, and the joint key. */
export function sampleTrustees(names: readonly (readonly [string, string])[], threshold: number, seed = 'aftra') {
  let joint = g.identity;
  const members = names.map(([id, name]) => {
    const commitments = Array.from({ length: threshold }, (_, j) => {
      const a = g.scalars.fromWideBytes(hashItems('ratify/test/trustee-coefficient', [['seed', utf8(seed)], ['trustee', utf8(id)], ['index', utf8(String(j))]]));
      const point = g.baseMultiply(a);
      if (j === 0) joint = g.add(joint, point);
      return toHex(g.encodeElement(point));
    });
    return { id, name, commitments };
  });
  return { trustees: { threshold, members }, jointPublicKey: toHex(g.encodeElement(joint)) };
}

/** A deterministic test-only credential authority key (offline mode): public test values. */
export function sampleAuthority(seed: string) {
  const secret = g.scalars.fromWideBytes(hashItems('ratify/test/credential-authority', [['seed', utf8(seed)]]));
  return { mode: 'offline' as const, publicKey: toHex(g.encodeElement(g.baseMultiply(secret))) };
}

const committee = sampleTrustees(
  [
    ['trustee-1', 'Election Committee Chair'],
    ['trustee-2', 'Election Committee Secretary'],
    ['trustee-3', 'Neutral Monitor'],
  ],
  2,
);

export const aftraDraft: ManifestDraft = {
  voteId: 'aftra-2008-primetime-ratification',
  electionId: 'a5f7a2008a5f7a2008a5f7a2008a5f70',
  credentialAuthority: sampleAuthority('aftra'),
  title: 'Ratification of the 2008 Primetime Television Agreement',
  unionId: 'aftra',
  unionName: 'American Federation of Television and Radio Artists',
  recordDate: '2008-06-13',
  schedule: { opensAt: '2008-06-20T16:00:00Z', closesAt: '2008-07-08T03:00:00Z' },
  questions: [
    {
      kind: 'yes_no',
      id: 'ratify',
      text: 'Do you vote to ratify the tentative 2008 Primetime Television Agreement?',
      options: ['yes', 'no'],
      min: 1,
      max: 1,
      blankAllowed: true,
      rule: { kind: 'ratification', blankPolicy: 'excluded' },
    },
  ],
  ...committee,
  eligibleCount: 700,
  linkedOfferId: 'aftra-2008-final-offer',
  followUps: [
    { questionId: 'ratify', outcome: 'passed', text: 'The agreement takes effect on July 1, 2008.' },
    { questionId: 'ratify', outcome: 'failed', text: 'The national board meets to consider next steps.', templateId: 'strike-authorization' },
  ],
};

const sagCommittee = sampleTrustees(
  [
    ['trustee-1', 'National Election Committee Chair'],
    ['trustee-2', 'National Election Committee Vice Chair'],
    ['trustee-3', 'Hollywood Division Representative'],
    ['trustee-4', 'New York Division Representative'],
    ['trustee-5', 'Neutral Monitor'],
  ],
  3,
  'sag',
);

export const sagDraft: ManifestDraft = {
  voteId: 'sag-2009-strike-authorization',
  electionId: '5a92009e5a92009e5a92009e5a92009e',
  credentialAuthority: sampleAuthority('sag'),
  title: 'Strike Authorization: TV/Theatrical Contracts',
  unionId: 'sag',
  unionName: 'Screen Actors Guild',
  recordDate: '2009-01-05',
  schedule: { opensAt: '2009-01-15T17:00:00Z', closesAt: '2009-01-23T23:00:00Z' },
  questions: [
    {
      kind: 'yes_no',
      id: 'authorize-strike',
      text: 'Do you authorize the National Board to call a strike if it deems one necessary?',
      options: ['yes', 'no'],
      min: 1,
      max: 1,
      blankAllowed: false,
      rule: { kind: 'supermajority', threshold: { numerator: 3, denominator: 4 }, blankPolicy: 'excluded' },
    },
  ],
  ...sagCommittee,
  revotePolicy: 'last_counts',
  eligibleCount: 1200,
  followUps: [{ questionId: 'authorize-strike', outcome: 'passed', text: 'The National Board may call a strike.' }],
};

export const aftraManifest = (): Manifest => unwrap(createManifest(aftraDraft));
export const sagManifest = (): Manifest => unwrap(createManifest(sagDraft));

/** A draft with a choose-2-of-4 officer question, for the schema and invariant tests. */
export const officerDraft: ManifestDraft = {
  ...sagDraft,
  voteId: 'sag-2009-officers',
  title: 'Election of Vice Presidents',
  questions: [
    {
      kind: 'choose',
      id: 'vice-presidents',
      text: 'Choose up to two vice presidents.',
      options: [
        { id: 'candidate-a', text: 'Candidate A' },
        { id: 'candidate-b', text: 'Candidate B' },
        { id: 'candidate-c', text: 'Candidate C' },
        { id: 'candidate-d', text: 'Candidate D' },
      ],
      min: 1,
      max: 2,
      blankAllowed: true,
      rule: { kind: 'plurality', seats: 2 },
    },
  ],
  followUps: [],
};
