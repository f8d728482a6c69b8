// SqlStore: the Store over Kysely, shared by every SQL adapter (the dialect differences live in
// DialectHooks). It only composes: each port is its feature module's operations bound to one runner
// (runner.ts), and transaction(fn) hands `fn` the same composition bound to a transaction.
// Must not hold SQL of its own: the queries live in the feature modules beside it.
import type { Kysely } from 'kysely';
import type { Result } from '@ratify/crypto';
import type {
  AuditLog,
  BallotBox,
  BargainingStore,
  BoardStore,
  CampaignStore,
  DraftStore,
  FollowUpStore,
  MailStore,
  MemberStore,
  RollStore,
  SignInStore,
  StaffStore,
  Store,
  VoteStore,
} from '../port.ts';
import { auditSql } from './audit.ts';
import { ballotSql } from './ballots.ts';
import { bargainingSql } from './bargaining.ts';
import { boardSql } from './board.ts';
import { campaignSql } from './campaigns.ts';
import type { SqlContext } from './context.ts';
import { draftSql } from './drafts.ts';
import { followUpSql } from './follow-ups.ts';
import { mailSql } from './mail.ts';
import { memberSql } from './members.ts';
import { rollSql } from './rolls.ts';
import { SqlRunner, bindPort } from './runner.ts';
import type { Database } from './schema.ts';
import { signInSql } from './sign-in.ts';
import { staffSql } from './staff.ts';
import { voteSql } from './votes.ts';

export class SqlStore implements Store {
  readonly #runner: SqlRunner;
  readonly members: MemberStore;
  readonly votes: VoteStore;
  readonly drafts: DraftStore;
  readonly rolls: RollStore;
  readonly ballots: BallotBox;
  readonly board: BoardStore;
  readonly signIn: SignInStore;
  readonly staff: StaffStore;
  readonly audit: AuditLog;
  readonly mail: MailStore;
  readonly bargaining: BargainingStore;
  readonly campaigns: CampaignStore;
  readonly followUps: FollowUpStore;

  constructor(ctx: SqlContext, depth = 0) {
    const runner = new SqlRunner(ctx, depth);
    this.#runner = runner;
    this.members = bindPort(runner, memberSql);
    this.votes = bindPort(runner, voteSql);
    this.drafts = bindPort(runner, draftSql);
    this.rolls = bindPort(runner, rollSql);
    this.ballots = bindPort(runner, ballotSql);
    this.board = bindPort(runner, boardSql);
    this.signIn = bindPort(runner, signInSql);
    this.staff = bindPort(runner, staffSql);
    this.audit = bindPort(runner, auditSql);
    this.mail = bindPort(runner, mailSql);
    this.bargaining = bindPort(runner, bargainingSql);
    this.campaigns = bindPort(runner, campaignSql);
    this.followUps = bindPort(runner, followUpSql);
  }

  /** The Kysely handle, for adapters and the contract suite's raw-SQL checks. Not part of Store. */
  get kysely(): Kysely<Database> {
    return this.#runner.context.db;
  }

  /** The dialect this store runs on (tests and operational messages). Not part of Store. */
  get dialect(): SqlContext['hooks']['name'] {
    return this.#runner.context.hooks.name;
  }

  transaction<T, E extends string>(fn: (tx: Store) => Promise<Result<T, E>>): Promise<Result<T, E>> {
    return this.#runner.atomic((ctx) => fn(new SqlStore(ctx, this.#runner.depth + 1)));
  }

  async close(): Promise<void> {
    if (this.#runner.depth > 0) throw new Error('close() the root store, not a transaction');
    await this.#runner.context.db.destroy();
  }
}
