// Turnout for administrators and observers: eligible, voted, ballots per hour (from ballot receipt
// times: counts only) and per unit (members with a counted ballot, joined with the roll's units) — never who
// voted how. The who-has-voted list is a separate call, for administrators only. Also what the
// console needs to offer only the actions the vote's state allows (credentials issued, reminders
// sent and when, result announced) and the voted count from the same counted ballots the board shows.
import { type Result, err, ok } from '@ratify/crypto';
import type { VoteId } from '@ratify/protocol';
import type { Engine } from '@ratify/engine';
import type { ResponseOf } from '../api/routes.ts';
import type { ApiErrorCode } from '../http/errors.ts';

export function createTurnoutDashboard(engine: Engine) {
  const store = engine.store;

  async function dashboard(voteId: VoteId): Promise<Result<ResponseOf<'turnoutDashboard'>, ApiErrorCode>> {
    const vote = await store.votes.getVote(voteId);
    if (vote === null) return err('vote_not_found', voteId);
    const ctx = await engine.context(voteId);
    if (!ctx.ok) return ctx;
    const m = ctx.value.manifest;
    const units = await store.rolls.turnoutByUnit(voteId);
    const counts = await store.ballots.countBallots(voteId);
    let cumulative = 0;
    const hourly = (await store.ballots.ballotsByHour(voteId)).map((h) => ({ ...h, cumulative: (cumulative += h.ballots) }));
    const reminders = await store.mail.listMail({ voteId, kind: 'reminder' });
    const lastReminderAt = reminders.reduce<string | null>((last, m) => (last === null || m.createdAt > last ? m.createdAt : last), null);
    return ok({
      voteId,
      status: vote.status,
      title: m.title,
      union: { id: m.unionId, name: m.unionName },
      schedule: m.schedule,
      eligible: units.reduce((n, u) => n + u.eligible, 0),
      voted: units.reduce((n, u) => n + u.voted, 0),
      ballotsAccepted: counts.accepted,
      ballotsCounted: counts.counted,
      hourly,
      units: [...units],
      credentialsIssued: (await store.ballots.listCredentials(voteId)).length,
      reminders: { last: lastReminderAt, lastCount: reminders.filter((m) => m.createdAt === lastReminderAt).length, total: reminders.length },
      resultAnnounced: (await store.mail.listMail({ voteId, kind: 'result' })).length > 0,
    });
  }

  async function voters(voteId: VoteId): Promise<Result<ResponseOf<'listVoters'>, ApiErrorCode>> {
    if ((await store.votes.getVote(voteId)) === null) return err('vote_not_found', voteId);
    return ok({ voteId, voters: [...(await store.rolls.listParticipants(voteId))] });
  }

  return { dashboard, voters };
}

export type TurnoutDashboard = ReturnType<typeof createTurnoutDashboard>;
