// SqlStore: the Store port over Kysely, shared by every SQL adapter (the dialect differences live in
// DialectHooks). Owns transaction plumbing: each writer runs in a transaction (root store) or a
// savepoint (store handed to transaction(fn)), committed on ok, rolled back on err or throw.
// Must not hold SQL of its own: the queries live in the feature modules beside it.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { ok, unwrap } from '@ratify/crypto';
import type { Result } from '@ratify/crypto';
import type {
  BallotSubmission,
  BoardEventInput,
  CastReceipt,
  ComputeHash,
  MailOutcome,
  MailQuery,
  NewMailMessage,
  BoardBallotQuery,
  MemberRecord,
  AuditQuery,
  NewAuditEntry,
  NewLoginCode,
  NewSession,
  NewStaffAccount,
  NewStaffSession,
  NewVote,
  RevotePolicy,
  RollAmendment,
  Store,
  Union,
  VoteStatus,
} from '../port.ts';
import type { ContractRecord, ContractStatusChange, NewDocument, OfferRecord, SessionRecord } from '../bargaining-port.ts';
import type { NewCeremonyMessage, NewDraft, NewFollowUpLink, NewScheduleEntry, ScheduledJob } from '../port.ts';
import * as ballots from './ballots.ts';
import * as bargaining from './bargaining.ts';
import type { AppealApproval, CampaignSide, NewAppeal, NewCampaignCommittee, NewEndorsement, NewEndorsementPage } from '../campaigns-port.ts';
import * as campaigns from './campaigns.ts';
import * as consoleSql from './console.ts';
import * as board from './board.ts';
import type { SqlContext } from './context.ts';
import * as credentials from './credentials.ts';
import * as followUps from './follow-ups.ts';
import * as mail from './mail.ts';
import * as members from './members.ts';
import * as publicReads from './public-reads.ts';
import * as rolls from './rolls.ts';
import type { Database } from './schema.ts';
import * as signIn from './sign-in.ts';
import * as staff from './staff.ts';
import * as staffSecurity from './staff-security.ts';
import * as votes from './votes.ts';

export class SqlStore implements Store {
  readonly #ctx: SqlContext;
  readonly #depth: number;
  #savepoints = 0;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(ctx: SqlContext, depth = 0) {
    this.#ctx = ctx;
    this.#depth = depth;
  }

  /** The Kysely handle, for adapters and the contract suite's raw-SQL checks. Not part of Store. */
  get kysely(): Kysely<Database> {
    return this.#ctx.db;
  }

  async #atomic<T, E extends string>(fn: (ctx: SqlContext) => Promise<Result<T, E>>): Promise<Result<T, E>> {
    if (this.#depth === 0) {
      const trx = await this.#ctx.db.startTransaction().execute();
      let result: Result<T, E>;
      try {
        result = await fn({ ...this.#ctx, db: trx });
      } catch (error) {
        await trx.rollback().execute();
        throw error;
      }
      await (result.ok ? trx.commit() : trx.rollback()).execute();
      return result;
    }
    // Inside a transaction: one connection, so savepoints must not interleave; queue them.
    const run = async (): Promise<Result<T, E>> => {
      const name = sql.raw(`ratify_sp_${this.#depth}_${++this.#savepoints}`);
      const db = this.#ctx.db;
      await sql`savepoint ${name}`.execute(db);
      let result: Result<T, E>;
      try {
        result = await fn(this.#ctx);
      } catch (error) {
        await sql`rollback to savepoint ${name}`.execute(db);
        await sql`release savepoint ${name}`.execute(db);
        throw error;
      }
      if (!result.ok) await sql`rollback to savepoint ${name}`.execute(db);
      await sql`release savepoint ${name}`.execute(db);
      return result;
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  createUnion(union: Union) {
    return this.#atomic((ctx) => members.createUnion(ctx, union));
  }
  getUnion(id: string) {
    return members.getUnion(this.#ctx, id);
  }
  importRoll(unionId: string, rows: readonly MemberRecord[]) {
    return this.#atomic((ctx) => members.importRoll(ctx, unionId, rows));
  }
  listMembers(unionId: string) {
    return members.listMembers(this.#ctx, unionId);
  }
  listDualMembers(firstUnionId: string, secondUnionId: string) {
    return members.listDualMembers(this.#ctx, firstUnionId, secondUnionId);
  }

  createVote(vote: NewVote) {
    return this.#atomic((ctx) => votes.createVote(ctx, vote));
  }
  getVote(id: string) {
    return votes.getVote(this.#ctx, id);
  }
  transitionVote(id: string, to: VoteStatus) {
    return this.#atomic((ctx) => votes.transitionVote(ctx, id, to));
  }

  freezeRoll(voteId: string, unionId: string, recordDate: string) {
    return this.#atomic((ctx) => rolls.freezeRoll(ctx, voteId, unionId, recordDate));
  }
  getRoll(voteId: string) {
    return rolls.getRoll(this.#ctx, voteId);
  }
  amendRoll(voteId: string, amendment: RollAmendment) {
    return this.#atomic((ctx) => rolls.amendRoll(ctx, voteId, amendment));
  }
  listRollEntries(voteId: string) {
    return rolls.listRollEntries(this.#ctx, voteId);
  }
  listRollEvents(voteId: string) {
    return rolls.listRollEvents(this.#ctx, voteId);
  }

  addCredentials(voteId: string, list: readonly string[]) {
    return this.#atomic((ctx) => credentials.addCredentials(ctx, voteId, list));
  }
  revokeCredential(voteId: string, credential: string, reason: string) {
    return this.#atomic((ctx) => credentials.revokeCredential(ctx, voteId, credential, reason));
  }
  listCredentials(voteId: string) {
    return credentials.listCredentials(this.#ctx, voteId);
  }

  getCredential(voteId: string, credential: string) {
    return credentials.findCredential(this.#ctx, voteId, credential);
  }

  castBallot(voteId: string, ballot: BallotSubmission, policy: RevotePolicy) {
    return this.#atomic((ctx) => ballots.castBallot(ctx, voteId, ballot, policy));
  }
  castBallotWithEvent(
    voteId: string,
    ballot: BallotSubmission,
    policy: RevotePolicy,
    event: (receipt: CastReceipt) => BoardEventInput,
    computeHash: ComputeHash,
  ) {
    return this.#atomic(async (ctx) => {
      const cast = await ballots.castBallot(ctx, voteId, ballot, policy);
      if (!cast.ok) return cast;
      const appended = await board.appendEvent(ctx, voteId, event(cast.value), computeHash);
      if (!appended.ok) throw new Error(`vote ${voteId} vanished during a cast`);
      return ok({ receipt: cast.value, event: appended.value });
    });
  }
  listBallots(voteId: string, options: { readonly countedOnly?: boolean } = {}) {
    return ballots.listBallots(this.#ctx, voteId, options.countedOnly ?? false);
  }

  appendEvent(voteId: string, event: BoardEventInput, computeHash: ComputeHash) {
    return this.#atomic((ctx) => board.appendEvent(ctx, voteId, event, computeHash));
  }
  listEvents(voteId: string, options: { readonly fromSeq?: number; readonly limit?: number } = {}) {
    return board.listEvents(this.#ctx, voteId, options.fromSeq ?? 0, options.limit);
  }
  head(voteId: string) {
    return board.head(this.#ctx, voteId);
  }

  listVotes() {
    return publicReads.listVotes(this.#ctx);
  }
  countBallots(voteId: string) {
    return publicReads.countBallots(this.#ctx, voteId);
  }
  listBoardBallots(voteId: string, query: BoardBallotQuery) {
    return publicReads.listBoardBallots(this.#ctx, voteId, query);
  }
  findMembersByNumber(memberNumber: string) {
    return publicReads.findMembersByNumber(this.#ctx, memberNumber);
  }
  findMembersByEmail(email: string) {
    return publicReads.findMembersByEmail(this.#ctx, email);
  }
  getRollEntry(voteId: string, memberNumber: string) {
    return publicReads.getRollEntry(this.#ctx, voteId, memberNumber);
  }

  async createLoginCode(code: NewLoginCode): Promise<void> {
    await this.#atomic(async (ctx) => ok(await signIn.createLoginCode(ctx, code)));
  }
  async consumeLoginCode(memberNumber: string, codeHash: string, now: string) {
    return unwrap(await this.#atomic(async (ctx) => ok(await signIn.consumeLoginCode(ctx, memberNumber, codeHash, now))));
  }
  createSession(session: NewSession) {
    return signIn.createSession(this.#ctx, session);
  }
  getSession(tokenHash: string, now: string) {
    return signIn.getSession(this.#ctx, tokenHash, now);
  }
  deleteSession(tokenHash: string) {
    return signIn.deleteSession(this.#ctx, tokenHash);
  }
  hitRateLimit(key: string, windowStart: string) {
    return signIn.hitRateLimit(this.#ctx, key, windowStart);
  }
  pruneSignIn(now: string, windowsBefore: string) {
    return signIn.pruneSignIn(this.#ctx, now, windowsBefore);
  }
  markParticipation(voteId: string, memberNumber: string) {
    return signIn.markParticipation(this.#ctx, voteId, memberNumber);
  }
  hasParticipated(voteId: string, memberNumber: string) {
    return signIn.hasParticipated(this.#ctx, voteId, memberNumber);
  }

  createStaffAccount(account: NewStaffAccount) {
    return this.#atomic((ctx) => staff.createStaffAccount(ctx, account));
  }
  getStaffCredentials(username: string) {
    return staff.getStaffCredentials(this.#ctx, username);
  }
  listStaffAccounts() {
    return staff.listStaffAccounts(this.#ctx);
  }
  advanceTotpStep(staffId: string, step: number) {
    return staff.advanceTotpStep(this.#ctx, staffId, step);
  }
  createStaffSession(session: NewStaffSession) {
    return staff.createStaffSession(this.#ctx, session);
  }
  getStaffSession(tokenHash: string, now: string) {
    return staff.getStaffSession(this.#ctx, tokenHash, now);
  }
  deleteStaffSession(tokenHash: string) {
    return staff.deleteStaffSession(this.#ctx, tokenHash);
  }

  pruneStaffSessions(now: string) {
    return staffSecurity.pruneStaffSessions(this.#ctx, now);
  }

  listStaffAccountStatus() {
    return staffSecurity.listStaffAccountStatus(this.#ctx);
  }

  disableStaffAccount(username: string, now: string) {
    return this.#atomic((ctx) => staffSecurity.disableStaffAccount(ctx, username, now));
  }

  enableStaffAccount(username: string) {
    return this.#atomic((ctx) => staffSecurity.enableStaffAccount(ctx, username));
  }

  setStaffPassword(staffId: string, passwordHash: string, keepTokenHash: string | null) {
    return this.#atomic((ctx) => staffSecurity.setStaffPassword(ctx, staffId, passwordHash, keepTokenHash));
  }
  async appendAudit(entry: NewAuditEntry) {
    return unwrap(await this.#atomic(async (ctx) => ok(await staff.appendAudit(ctx, entry))));
  }
  listAudit(query: AuditQuery) {
    return staff.listAudit(this.#ctx, query);
  }

  async enqueueMail(messages: readonly NewMailMessage[]): Promise<number> {
    return unwrap(await this.#atomic(async (ctx) => ok(await mail.enqueueMail(ctx, messages))));
  }
  async claimDueMail(now: string, limit: number) {
    return unwrap(await this.#atomic(async (ctx) => ok(await mail.claimDueMail(ctx, now, limit))));
  }
  async recordMailOutcome(id: string, outcome: MailOutcome, now: string) {
    return unwrap(await this.#atomic(async (ctx) => ok(await mail.recordMailOutcome(ctx, id, outcome, now))));
  }
  async requeueStaleMail(before: string, now: string) {
    return unwrap(await this.#atomic(async (ctx) => ok(await mail.requeueStaleMail(ctx, before, now))));
  }
  getMailMessage(id: string) {
    return mail.getMailMessage(this.#ctx, id);
  }
  listMail(query: MailQuery) {
    return mail.listMail(this.#ctx, query);
  }
  listMailEvents(messageId: string) {
    return mail.listMailEvents(this.#ctx, messageId);
  }

  listUnions() {
    return consoleSql.listUnions(this.#ctx);
  }
  findMembersByEmails(emails: readonly string[]) {
    return consoleSql.findMembersByEmails(this.#ctx, emails);
  }
  createDraft(draft: NewDraft) {
    return this.#atomic((ctx) => consoleSql.createDraft(ctx, draft));
  }
  getDraft(id: string) {
    return consoleSql.getDraft(this.#ctx, id);
  }
  listDrafts() {
    return consoleSql.listDrafts(this.#ctx);
  }
  markDraftCreated(id: string) {
    return this.#atomic((ctx) => consoleSql.markDraftCreated(ctx, id));
  }
  addCeremonyMessage(draftId: string, message: NewCeremonyMessage) {
    return this.#atomic((ctx) => consoleSql.addCeremonyMessage(ctx, draftId, message));
  }
  listCeremonyMessages(draftId: string) {
    return consoleSql.listCeremonyMessages(this.#ctx, draftId);
  }
  scheduleVote(entry: NewScheduleEntry) {
    return this.#atomic((ctx) => consoleSql.scheduleVote(ctx, entry));
  }
  getSchedule(voteId: string) {
    return consoleSql.getSchedule(this.#ctx, voteId);
  }
  listDueJobs(now: string) {
    return consoleSql.listDueJobs(this.#ctx, now);
  }
  async recordJobRun(voteId: string, job: ScheduledJob, at: string, error: string | null): Promise<void> {
    await this.#atomic(async (ctx) => ok(await consoleSql.recordJobRun(ctx, voteId, job, at, error)));
  }
  ballotsByHour(voteId: string) {
    return consoleSql.ballotsByHour(this.#ctx, voteId);
  }
  turnoutByUnit(voteId: string) {
    return consoleSql.turnoutByUnit(this.#ctx, voteId);
  }
  listParticipants(voteId: string) {
    return consoleSql.listParticipants(this.#ctx, voteId);
  }

  // --- Bargaining tracker (bargaining-port.ts) ---
  createContract(contract: ContractRecord) {
    return this.#atomic((ctx) => bargaining.createContract(ctx, contract));
  }
  updateContract(contract: Omit<ContractRecord, 'status'>) {
    return this.#atomic((ctx) => bargaining.updateContract(ctx, contract));
  }
  changeContractStatus(change: ContractStatusChange) {
    return this.#atomic((ctx) => bargaining.changeContractStatus(ctx, change));
  }
  getContract(id: string) {
    return bargaining.getContract(this.#ctx, id);
  }
  listContracts() {
    return bargaining.listContracts(this.#ctx);
  }
  listContractStatusEvents(contractId: string) {
    return bargaining.listContractStatusEvents(this.#ctx, contractId);
  }
  putBargainingSession(session: SessionRecord) {
    return this.#atomic((ctx) => bargaining.putBargainingSession(ctx, session));
  }
  deleteBargainingSession(contractId: string, id: string) {
    return this.#atomic((ctx) => bargaining.deleteBargainingSession(ctx, contractId, id));
  }
  listBargainingSessions(contractId: string) {
    return bargaining.listBargainingSessions(this.#ctx, contractId);
  }
  createOffer(offer: OfferRecord) {
    return this.#atomic((ctx) => bargaining.createOffer(ctx, offer));
  }
  updateOffer(offer: OfferRecord) {
    return this.#atomic((ctx) => bargaining.updateOffer(ctx, offer));
  }
  getOffer(id: string) {
    return bargaining.getOffer(this.#ctx, id);
  }
  listOffers(contractId?: string) {
    return bargaining.listOffers(this.#ctx, contractId);
  }
  deleteOffer(id: string) {
    return this.#atomic((ctx) => bargaining.deleteOffer(ctx, id));
  }
  addDocument(document: NewDocument) {
    return this.#atomic((ctx) => bargaining.addDocument(ctx, document));
  }
  getDocument(id: string) {
    return bargaining.getDocument(this.#ctx, id);
  }
  deleteDocument(id: string) {
    return this.#atomic((ctx) => bargaining.deleteDocument(ctx, id));
  }
  listDocuments(contractId: string) {
    return bargaining.listDocuments(this.#ctx, contractId);
  }
  // --- Campaigns (campaigns.ts) ---
  createCommittee(input: NewCampaignCommittee) {
    return this.#atomic((ctx) => campaigns.createCommittee(ctx, input));
  }
  getCommittee(staffId: string) {
    return campaigns.getCommittee(this.#ctx, staffId);
  }
  listCommittees(voteId: string) {
    return campaigns.listCommittees(this.#ctx, voteId);
  }
  createEndorsementPage(page: NewEndorsementPage) {
    return this.#atomic((ctx) => campaigns.createEndorsementPage(ctx, page));
  }
  getEndorsementPage(id: string) {
    return campaigns.getEndorsementPage(this.#ctx, id);
  }
  listEndorsementPages(voteId: string) {
    return campaigns.listEndorsementPages(this.#ctx, voteId);
  }
  signEndorsement(endorsement: NewEndorsement) {
    return this.#atomic((ctx) => campaigns.signEndorsement(ctx, endorsement));
  }
  withdrawEndorsement(pageId: string, unionId: string, memberNumber: string) {
    return campaigns.withdrawEndorsement(this.#ctx, pageId, unionId, memberNumber);
  }
  listEndorsements(pageId: string) {
    return campaigns.listEndorsements(this.#ctx, pageId);
  }
  listMemberEndorsements(unionId: string, memberNumber: string) {
    return campaigns.listMemberEndorsements(this.#ctx, unionId, memberNumber);
  }
  submitAppeal(appeal: NewAppeal) {
    return this.#atomic((ctx) => campaigns.submitAppeal(ctx, appeal));
  }
  getAppeal(id: string) {
    return campaigns.getAppeal(this.#ctx, id);
  }
  listAppeals(voteId: string, side?: CampaignSide) {
    return campaigns.listAppeals(this.#ctx, voteId, side);
  }
  approveAppeal(approval: AppealApproval) {
    return this.#atomic((ctx) => campaigns.approveAppeal(ctx, approval));
  }
  rejectAppeal(appealId: string, decidedBy: string, reason: string) {
    return this.#atomic((ctx) => campaigns.rejectAppeal(ctx, appealId, decidedBy, reason));
  }
  listAppealDeliveries(appealId: string) {
    return campaigns.listAppealDeliveries(this.#ctx, appealId);
  }

  // --- Linked follow-up votes (follow-ups.ts) ---
  startFollowUpDraft(link: NewFollowUpLink, draft: NewDraft) {
    return this.#atomic((ctx) => followUps.startFollowUpDraft(ctx, link, draft));
  }
  listFollowUpLinks(parentVoteId: string) {
    return followUps.listFollowUpLinks(this.#ctx, parentVoteId);
  }
  getFollowUpLinkTo(childId: string) {
    return followUps.getFollowUpLinkTo(this.#ctx, childId);
  }
  discardFollowUpDraft(childId: string) {
    return this.#atomic((ctx) => followUps.discardFollowUpDraft(ctx, childId));
  }

  transaction<T, E extends string>(fn: (tx: Store) => Promise<Result<T, E>>): Promise<Result<T, E>> {
    return this.#atomic((ctx) => fn(new SqlStore(ctx, this.#depth + 1)));
  }

  async close(): Promise<void> {
    if (this.#depth > 0) throw new Error('close() the root store, not a transaction');
    await this.#ctx.db.destroy();
  }
}
