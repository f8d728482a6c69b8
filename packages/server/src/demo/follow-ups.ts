// The demo's linked follow-ups (protocol §M7): the federation's ratification declares what follows
// each outcome — a failure opens a strike-authorization vote at 75%, a pass is a note that the new
// contract takes effect — and a counted guild ratification (closed, decrypted by the sample
// trustees, published) whose failure triggered its strike-authorization follow-up, so a newcomer
// sees "What follows" on a result page and, as administrator, starts the follow-up from it.
// Texts are illustrative, written for the demo. Idempotent: an existing vote is left alone.
import { type RandomSource, createPartialDecryption, systemRandom, toHex, unwrap } from '@ratify/crypto';
import { type Engine, type VoteDefinition, definitionCeremonyContext, flattenTally, newAuthority, runLocalCeremony } from '@ratify/engine';
import { asVoteId, generateElectionId, createBallot, credentialSecret, encodeBallot, encodePartialDecryption, generatePrivateCredential, publicCredential } from '@ratify/protocol';

export const DEMO_COUNTED_VOTE = 'guild-commercials-2008';

const STRIKE_QUESTION = {
  id: 'authorize',
  kind: 'yes_no' as const,
  text: 'Do you authorize the National Board to call a strike if it deems one necessary?',
  options: ['yes', 'no'] as ['yes', 'no'],
  min: 1 as const,
  max: 1 as const,
  blankAllowed: false,
  rule: { kind: 'supermajority' as const, threshold: { numerator: 3, denominator: 4 }, blankPolicy: 'excluded' as const },
};

/** What follows a ratification question `questionId`: a 75% strike-authorization vote on failure, a note on a pass. */
export function ratificationFollowUps(questionId: string): NonNullable<VoteDefinition['followUps']> {
  return [
    {
      questionId,
      outcome: 'failed',
      text: 'If the agreement is not ratified, a strike-authorization vote opens: a strike may be authorized only with at least 75% of the votes cast.',
      vote: { title: 'Strike authorization', questions: [STRIKE_QUESTION] },
    },
    { questionId, outcome: 'passed', text: 'The new contract takes effect on ratification.' },
  ];
}

/** The demo's votes with the federation ratification's follow-ups declared (before its manifest is signed). */
export function withDemoFollowUps<D extends Omit<VoteDefinition, 'credentialAuthority'>>(definitions: D[]): D[] {
  return definitions.map((d) => (d.voteId === 'federation-primetime-2008' ? { ...d, followUps: ratificationFollowUps('ratify') } : d));
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const daysFrom = (now: Date, days: number) => new Date(now.getTime() + days * 24 * 3600_000);

/**
 * A ratification of `unionId` that closed a week ago and failed (`yesShare` of at most `voters`
 * ballots), counted by 2 of 3 sample trustees and published: its result triggers the strike vote.
 */
export async function seedCountedRatification(
  engine: Engine,
  options: { readonly voteId: string; readonly unionId: string; readonly unionName: string; readonly now: Date; readonly voters?: number; readonly yesShare?: number },
  rng: RandomSource = systemRandom,
): Promise<boolean> {
  const { store, group } = engine;
  const { voteId, now } = options;
  if ((await store.votes.getVote(asVoteId(voteId))) !== null) return false;
  // The server makes the credentials here, so it is the credential authority (server mode, decision
  // 0006/0017); the vote is already closed, so its key is not kept (no replacement can follow).
  const authority = newAuthority(group, 'server', rng);
  const definition: VoteDefinition = {
    voteId,
    electionId: generateElectionId(rng),
    credentialAuthority: authority.credentialAuthority,
    title: 'Ratification of the commercials contract',
    unionId: options.unionId,
    unionName: options.unionName,
    recordDate: iso(daysFrom(now, -28)).slice(0, 10),
    schedule: { opensAt: iso(daysFrom(now, -21)), closesAt: iso(daysFrom(now, -7)) },
    questions: [
      { id: 'ratify', kind: 'yes_no', text: 'Do you ratify the tentative commercials contract?', options: ['yes', 'no'], min: 1, max: 1, blankAllowed: false, rule: { kind: 'ratification', blankPolicy: 'excluded' } },
    ],
    trustees: { threshold: 2, members: [1, 2, 3].map((i) => ({ id: `trustee-${i}`, name: `Sample trustee ${i}` })) },
    followUps: ratificationFollowUps('ratify'),
  };
  const ceremony = runLocalCeremony(group, { context: definitionCeremonyContext(definition), threshold: 2, trusteeCount: 3 }, rng);
  const manifest = unwrap(await engine.createVote(definition, ceremony.messages));
  const entries = (await store.rolls.listRollEntries(asVoteId(voteId))).filter((e) => e.status === 'eligible');
  const credentials = entries.map(() => generatePrivateCredential(rng));
  unwrap(await engine.publishHeldCredentials(asVoteId(voteId), credentials.map((c, i) => ({ credential: toHex(group.encodeElement(publicCredential(group, manifest, c))), memberNumber: entries[i]!.memberNumber })), { key: authority.key }));
  unwrap(await engine.openVote(asVoteId(voteId)));
  const ctx = unwrap(await engine.context(asVoteId(voteId)));
  const voters = Math.min(options.voters ?? 40, credentials.length);
  const yes = Math.floor(voters * (options.yesShare ?? 0.4));
  for (let i = 0; i < voters; i++) {
    const { ballot } = unwrap(createBallot(ctx.ballotParams, [i < yes ? [1, 0] : [0, 1]], credentialSecret(group, manifest, credentials[i]!), rng));
    unwrap(await engine.castBallot(asVoteId(voteId), encodeBallot(group, ballot), { memberNumber: entries[i]!.memberNumber }));
  }
  unwrap(await engine.closeVote(asVoteId(voteId)));
  const tally = flattenTally(unwrap(await engine.readTally(asVoteId(voteId))));
  for (const key of ceremony.keys.slice(0, 2)) {
    unwrap(await engine.submitPartialDecryption(asVoteId(voteId), encodePartialDecryption(group, createPartialDecryption(group, key, tally, ctx.fingerprint, rng))));
  }
  unwrap(await engine.publishResult(asVoteId(voteId)));
  return true;
}

/** The demo seed's follow-up part (called once from seed.ts, after the unions and rolls exist). */
export async function seedDemoFollowUps(engine: Engine, now: Date): Promise<void> {
  await seedCountedRatification(engine, { voteId: DEMO_COUNTED_VOTE, unionId: 'guild', unionName: 'Screen Actors Guild (demo)', now });
}
