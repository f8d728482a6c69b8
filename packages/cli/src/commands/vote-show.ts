// `ratify vote show <vote>`: status, questions, turnout counts and the board head. Turnout is
// counts only: this command never lists who has voted.
import type { Command } from 'commander';
import type { Cli } from '../cli.ts';
import { withEngine } from '../db.ts';
import { check, emit, refuse, say } from '../io.ts';

export function registerVoteShow(vote: Command, cli: Cli): void {
  vote
    .command('show <vote>')
    .description('show a vote: status, turnout counts, board head')
    .action(
      cli.action(async (globals, voteId: string) =>
        withEngine(globals, async (engine) => {
          const row = (await engine.store.votes.getVote(voteId)) ?? refuse('vote_not_found', `no vote ${voteId}`);
          const { manifest } = check(await engine.context(voteId), `vote ${voteId}`);
          const ballots = await engine.store.ballots.listBallots(voteId);
          const credentials = await engine.store.ballots.listCredentials(voteId);
          const head = await engine.store.board.head(voteId);
          const counted = ballots.filter((b) => b.counted).length;
          say(`${manifest.title} (${manifest.unionName}): ${row.status}; ${counted} of ${manifest.eligibleCount} eligible have voted`);
          emit({
            voteId,
            title: manifest.title,
            union: { id: manifest.unionId, name: manifest.unionName },
            status: row.status,
            schedule: manifest.schedule,
            questions: manifest.questions.map((q) => ({ id: q.id, kind: q.kind, text: q.text, rule: q.rule })),
            trustees: { threshold: manifest.trustees.threshold, count: manifest.trustees.members.length },
            turnout: { eligible: manifest.eligibleCount, credentials: credentials.length, ballotsAccepted: ballots.length, voted: counted },
            board: { events: head ? head.seq + 1 : 0, head: head?.hash ?? null },
          });
          return 0;
        }),
      ),
    );
}
