// Follow-up fixtures (tests only): a ratification vote of union local-9 that declares what follows
// each outcome — a failure opens a 75% strike-authorization vote, a pass is a note — run through the
// real engine to a published result with the yes/no counts asked for, and the definition an
// administrator submits to start the follow-up.
import { type RandomSource, createPartialDecryption, toHex, unwrap } from '@ratify/crypto';
import { type Engine, type VoteDefinition, definitionCeremonyContext, flattenTally, runLocalCeremony } from '@ratify/engine';
import { asUnionId, asVoteId, createBallot, credentialSecret, encodeBallot, encodePartialDecryption, generatePrivateCredential, publicCredential, generateElectionId } from '@ratify/protocol';
import { definitionForm } from './console-fixtures.ts';
import { ristretto255 as caGroup } from '@ratify/crypto';
import { newAuthority } from '@ratify/engine';

/** The election committee's offline credential authority for this file's votes (test key). */
const TEST_AUTHORITY = newAuthority(caGroup, 'offline');

export const PARENT = 'local-9-ratify';
export const UNION = 'local-9';

export const STRIKE_QUESTION = {
  id: 'authorize-strike',
  kind: 'yes_no' as const,
  text: 'Do you authorize a strike?',
  options: ['yes', 'no'] as ['yes', 'no'],
  min: 1 as const,
  max: 1 as const,
  blankAllowed: false,
  rule: { kind: 'supermajority' as const, threshold: { numerator: 3, denominator: 4 }, blankPolicy: 'excluded' as const },
};
export const FOLLOW_UPS = [
  { questionId: 'ratify', outcome: 'failed' as const, text: 'If ratification fails, a strike-authorization vote opens.', vote: { title: 'Strike authorization', questions: [STRIKE_QUESTION] } },
  { questionId: 'ratify', outcome: 'passed' as const, text: 'The new contract takes effect on ratification.' },
];

/** Creates union local-9 with `yes + no + 1` members, runs the vote, and publishes its result. */
export async function publishedVote(engine: Engine, rng: RandomSource, yes: number, no: number, options: { publish?: boolean } = {}): Promise<void> {
  const { store, group } = engine;
  const size = yes + no + 1;
  unwrap(await store.members.createUnion({ id: asUnionId(UNION), name: 'Local 9' }));
  const roll = Array.from({ length: size }, (_, i) => ({ memberNumber: `L${i + 1}`, name: `Member ${i + 1}`, email: `l${i + 1}@example.org`, goodStanding: true, unit: null }));
  unwrap(await store.members.importRoll(asUnionId(UNION), roll));
  const definition: VoteDefinition = {
    credentialAuthority: TEST_AUTHORITY.credentialAuthority,
    voteId: PARENT,
    electionId: generateElectionId(rng),
    title: 'Ratify the 2027 agreement',
    unionId: UNION,
    unionName: 'Local 9',
    recordDate: '2026-11-01',
    schedule: { opensAt: '2026-11-02T09:00:00Z', closesAt: '2026-11-20T17:00:00Z' },
    questions: [{ id: 'ratify', kind: 'yes_no', text: 'Do you ratify the agreement?', options: ['yes', 'no'], min: 1, max: 1, blankAllowed: false, rule: { kind: 'ratification', blankPolicy: 'excluded' } }],
    trustees: { threshold: 2, members: [1, 2, 3].map((i) => ({ id: `trustee-${i}`, name: `Trustee ${i}` })) },
    followUps: FOLLOW_UPS,
  };
  const ceremony = runLocalCeremony(group, { context: definitionCeremonyContext(definition), threshold: 2, trusteeCount: 3 }, rng);
  unwrap(await engine.createVote(definition, ceremony.messages));
  const credentials = roll.map(() => generatePrivateCredential(rng));
  unwrap(await engine.publishCredentials(asVoteId(PARENT), credentials.map((c) => toHex(group.encodeElement(publicCredential(group, definition, c)))), { key: TEST_AUTHORITY.key }));
  unwrap(await engine.openVote(asVoteId(PARENT)));
  const ctx = unwrap(await engine.context(asVoteId(PARENT)));
  for (let i = 0; i < yes + no; i++) {
    const { ballot } = unwrap(createBallot(ctx.ballotParams, [i < yes ? [1, 0] : [0, 1]], credentialSecret(group, definition, credentials[i]!), rng));
    unwrap(await engine.castBallot(asVoteId(PARENT), encodeBallot(group, ballot)));
  }
  if (options.publish === false) return;
  unwrap(await engine.closeVote(asVoteId(PARENT)));
  const tally = flattenTally(unwrap(await engine.readTally(asVoteId(PARENT))));
  for (const key of ceremony.keys.slice(0, 2)) {
    unwrap(await engine.submitPartialDecryption(asVoteId(PARENT), encodePartialDecryption(group, createPartialDecryption(group, key, tally, ctx.fingerprint, rng))));
  }
  unwrap(await engine.publishResult(asVoteId(PARENT)));
}

/** What the administrator submits: the template's questions, with the new vote's ids, schedule, record date and trustees. */
export function followUpDefinition(overrides: Record<string, unknown> = {}) {
  const { information: _i, ...form } = definitionForm({ voteId: 'local-9-strike', title: 'Strike authorization', unionId: UNION, questions: [STRIKE_QUESTION] });
  return { ...form, ...overrides };
}
