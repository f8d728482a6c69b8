// The demo's two votes, in the spirit of 2008 (design §6): the federation ratifies its primetime
// contract (majority of votes cast); the guild holds a strike-authorization vote needing 75%.
// Texts are illustrative, written for the demo.
import type { VoteDefinition } from '@ratify/engine';
import { generateElectionId } from '@ratify/protocol';

/** A demo vote before its credential authority is chosen (seed.ts: server mode). */
export type DemoDefinition = Omit<VoteDefinition, 'credentialAuthority'>;

const TRUSTEES = {
  threshold: 2,
  members: [
    { id: 'trustee-1', name: 'Election committee chair (sample)' },
    { id: 'trustee-2', name: 'Federation trustee (sample)' },
    { id: 'trustee-3', name: 'Independent monitor (sample)' },
  ],
};

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const day = (d: Date) => d.toISOString().slice(0, 10);

export function demoVotes(now: Date): DemoDefinition[] {
  const opens = new Date(now.getTime() - 24 * 3600_000);
  const closes = new Date(now.getTime() + 14 * 24 * 3600_000);
  const schedule = { opensAt: iso(opens), closesAt: iso(closes) };
  const recordDate = day(new Date(now.getTime() - 7 * 24 * 3600_000));
  return [
    {
      voteId: 'federation-primetime-2008',
      electionId: generateElectionId(),
      title: 'Ratification of the primetime television contract',
      unionId: 'federation',
      unionName: 'Television and Radio Artists Federation (demo)',
      recordDate,
      schedule,
      questions: [
        {
          id: 'ratify',
          kind: 'yes_no',
          text: 'Do you ratify the tentative primetime television agreement?',
          options: ['yes', 'no'],
          min: 1,
          max: 1,
          blankAllowed: false,
          rule: { kind: 'ratification', blankPolicy: 'excluded' },
        },
      ],
      trustees: TRUSTEES,
      information: {
        summary:
          'Three-year agreement. Minimum wages +3.0%, +3.5%, +3.5%. New-media: residuals for streamed programmes at the rates of the 2008 directors\' and writers\' agreements; union coverage of original new-media productions above a budget floor. Health and pension contributions +0.5%.',
        statements: [
          { side: 'for', author: 'Vote Yes committee (sample)', text: 'This deal secures raises and, for the first time, residuals for streaming. Ratify it and keep working.' },
          { side: 'against', author: 'Vote No committee (sample)', text: 'The new-media terms copy deals made for others and leave product placement unaddressed. Send the negotiators back.' },
        ],
      },
      purpose: 'ratification',
      followUps: [{ questionId: 'ratify', outcome: 'failed', text: 'If the agreement is not ratified, the federation returns to bargaining.' }],
    },
    {
      voteId: 'guild-strike-authorization-2009',
      electionId: generateElectionId(),
      title: 'Strike authorization',
      purpose: 'strike_authorization',
      unionId: 'guild',
      unionName: 'Screen Actors Guild (demo)',
      recordDate,
      schedule,
      questions: [
        {
          id: 'authorize',
          kind: 'yes_no',
          text: 'Do you authorize the National Board to call a strike if it deems one necessary?',
          options: ['yes', 'no'],
          min: 1,
          max: 1,
          blankAllowed: false,
          rule: { kind: 'supermajority', threshold: { numerator: 3, denominator: 4 }, blankPolicy: 'excluded' },
        },
      ],
      trustees: TRUSTEES,
      information: {
        summary:
          "The employers' final offer matches the federation's primetime deal. Authorization passes only with at least 75% of the votes cast; it does not itself call a strike.",
        statements: [
          { side: 'for', author: 'Negotiating committee (sample)', text: 'A strong authorization is leverage at the table. It is not a strike.' },
          { side: 'against', author: 'Members for a fair deal (sample)', text: 'In this economy a strike threat hurts working actors most. Vote no and take the offer.' },
        ],
      },
    },
  ];
}
