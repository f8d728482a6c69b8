// The signed-in member's view: who they are, the votes they may cast (a dual member — the same
// email on two unions' rolls — sees one per union) and whether they have voted in each; and the
// eligibility check the ballot route uses; and the votes of their unions they cannot vote in, with
// the reason. Reads only; knows nothing of credentials.
import { type Result, err, ok } from '@ratify/crypto';
import type { Engine } from '@ratify/engine';
import type { Member, Vote } from '@ratify/storage';
import type { ResponseOf } from '../api/routes.ts';
import type { MemberSession } from '../http/route-kit.ts';

export function createMemberService(engine: Engine) {
  const store = engine.store;

  async function self(session: MemberSession): Promise<Member | undefined> {
    return (await store.members.findMembersByNumber(session.memberNumber)).find((m) => m.unionId === session.unionId);
  }

  /** The person's membership on the vote's roll (eligible entries only), if any. */
  async function rollMembership(person: Member, vote: Vote): Promise<Member | undefined> {
    const memberships = await store.members.findMembersByEmail(person.email);
    for (const m of memberships.filter((x) => x.unionId === vote.unionId)) {
      const entry = await store.rolls.getRollEntry(vote.id, m.memberNumber);
      if (entry?.status === 'eligible') return m;
    }
    return undefined;
  }

  async function me(session: MemberSession): Promise<Result<ResponseOf<'me'>, 'not_signed_in'>> {
    const person = await self(session);
    if (person === undefined) return err('not_signed_in');
    const votes: ResponseOf<'me'>['votes'] = [];
    const cannotVote: ResponseOf<'me'>['cannotVote'] = [];
    const memberships = await store.members.findMembersByEmail(person.email);
    for (const vote of await store.votes.listVotes()) {
      if (vote.status === 'draft') continue;
      const membership = await rollMembership(person, vote);
      const ctx = await engine.context(vote.id);
      if (!ctx.ok) continue;
      const m = ctx.value.manifest;
      if (membership === undefined) {
        const own = memberships.find((x) => x.unionId === vote.unionId);
        if (own !== undefined) {
          const entry = await store.rolls.getRollEntry(vote.id, own.memberNumber);
          const reason = entry?.status === 'removed' ? 'removed' : entry?.status === 'challenged' ? 'challenged' : own.goodStanding ? 'not_on_roll' : 'not_in_good_standing';
          cannotVote.push({ voteId: vote.id, title: m.title, unionName: m.unionName, status: vote.status, recordDate: m.recordDate, reason });
        }
        continue;
      }
      votes.push({
        voteId: vote.id,
        title: m.title,
        unionId: m.unionId,
        unionName: m.unionName,
        status: vote.status,
        schedule: m.schedule,
        memberNumber: membership.memberNumber,
        hasVoted: await store.rolls.hasParticipated(vote.id, membership.memberNumber),
      });
    }
    return ok({ memberNumber: person.memberNumber, name: person.name, unionId: person.unionId, votes, cannotVote });
  }

  /** The member number under which this person may vote in `vote`, or why not. */
  async function eligibility(session: MemberSession, vote: Vote): Promise<Result<string, 'not_signed_in' | 'not_eligible'>> {
    const person = await self(session);
    if (person === undefined) return err('not_signed_in');
    const membership = await rollMembership(person, vote);
    return membership === undefined ? err('not_eligible') : ok(membership.memberNumber);
  }

  return { me, eligibility };
}

export type MemberService = ReturnType<typeof createMemberService>;
