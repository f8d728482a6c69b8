// Campaigns (docs/campaigns.md): endorsement pages that verified members sign, campaign committees
// bound to one vote and one side, and their appeals, which an administrator approves and the
// platform queues to the whole frozen roll through the mail queue (sealed bodies, throttled sends,
// retries, delivery log). Equal terms: one template for both sides, the same audience (every
// eligible entry of the roll), at most APPEALS_PER_SIDE approved appeals per side, enforced in the
// approving transaction. Must never hand a committee an address or a member number, and never show
// an endorser's member number or email to anyone.
import { type Result, err, ok } from '@ratify/crypto';
import { hashPassword, normalizeUsername, MIN_PASSWORD_LENGTH } from '@ratify/engine';
import type { Engine } from '@ratify/engine';
import { parseWireManifest } from '@ratify/protocol';
import type { Appeal, CampaignCommittee, Endorsement, EndorsementPage, Member, NewMailMessage, Vote } from '@ratify/storage';
import type { z } from 'zod';
import { APPEALS_PER_SIDE, type appealBodySchema, type appealSchema, type deliveryCountsSchema } from '../api/campaign-schemas.ts';
import type { ResponseOf, RouteName } from '../api/routes.ts';
import { newId } from '../auth/secrets.ts';
import type { ApiErrorCode } from '../http/errors.ts';
import type { MemberSession, StaffActor, StaffSessionActor } from '../http/route-kit.ts';
import { appealMail } from '../mail/campaign-templates.ts';
import { mailKey, sealBody } from '../mail/sealed-body.ts';
import { languageOf } from '../mail/templates.ts';
import type { RateLimiter } from './rate-limit.ts';

export type CampaignDeps = {
  readonly engine: Engine;
  readonly secretKey: Uint8Array | null;
  readonly publicUrl: string;
  readonly clock: () => Date;
  readonly limiter: RateLimiter;
};

type R<N extends RouteName> = Promise<Result<ResponseOf<N>, ApiErrorCode>>;
type AppealView = z.infer<typeof appealSchema>;
type Counts = z.infer<typeof deliveryCountsSchema>;

/** A vote still takes campaign messages while it is a draft or open. */
const campaigning = (vote: Vote) => vote.status === 'draft' || vote.status === 'open';
const actorName = (actor: StaffActor) => (actor.kind === 'staff' ? `staff:${actor.username}` : 'ops-token');
/** Writes per member (signing, withdrawing) or per committee (pages, appeals) per rate window. */
const SIGN_LIMIT = 20;

export function createCampaignService(deps: CampaignDeps) {
  const { engine, clock, limiter, publicUrl } = deps;
  const store = engine.store;
  const key = deps.secretKey === null ? null : mailKey(deps.secretKey);

  function voteInfo(vote: Vote): { readonly title: string; readonly unionName: string } {
    const m = parseWireManifest(vote.manifest);
    return m.ok ? { title: m.value.title, unionName: m.value.unionName } : { title: vote.id, unionName: vote.unionId };
  }

  function pageView(page: EndorsementPage, vote: Vote) {
    const info = voteInfo(vote);
    return {
      id: page.id, voteId: page.voteId, voteTitle: info.title, unionName: info.unionName, side: page.side,
      title: page.title, statement: page.statement, createdAt: page.createdAt, count: page.count,
    };
  }

  const signature = (e: Endorsement) => ({ pageId: e.pageId, shownName: e.shownName, role: e.role, signedAt: e.signedAt });

  async function countsOf(appeal: Appeal): Promise<Counts> {
    const counts: Counts = { queued: 0, sending: 0, sent: 0, failed: 0, bounced: 0 };
    if (appeal.status !== 'approved') return counts;
    for (const d of await store.campaigns.listAppealDeliveries(appeal.id)) {
      if (d.status in counts) counts[d.status as keyof Counts] += 1;
    }
    return counts;
  }

  async function appealView(appeal: Appeal): Promise<AppealView> {
    return {
      id: appeal.id, voteId: appeal.voteId, side: appeal.side, committeeName: appeal.committeeName,
      subjectEn: appeal.subjectEn, bodyEn: appeal.bodyEn, subjectEs: appeal.subjectEs, bodyEs: appeal.bodyEs,
      status: appeal.status, submittedAt: appeal.submittedAt, decidedBy: appeal.decidedBy, decidedAt: appeal.decidedAt,
      rejectReason: appeal.rejectReason, recipients: appeal.recipients, delivery: await countsOf(appeal),
    };
  }

  // --- Public ---

  async function pages(voteId: string): R<'endorsementPages'> {
    const vote = await store.votes.getVote(voteId);
    if (vote === null) return err('vote_not_found');
    const list = await store.campaigns.listEndorsementPages(voteId);
    return ok({ voteId, pages: list.map((p) => pageView(p, vote)) });
  }

  async function page(pageId: string): R<'endorsementPage'> {
    const found = await store.campaigns.getEndorsementPage(pageId);
    const vote = found === null ? null : await store.votes.getVote(found.voteId);
    if (found === null || vote === null) return err('page_not_found');
    // Shown name and role only: never the member number or the email.
    const endorsers = (await store.campaigns.listEndorsements(pageId)).map((e) => ({ shownName: e.shownName, role: e.role, signedAt: e.signedAt }));
    return ok({ page: pageView(found, vote), endorsers });
  }

  // --- Members ---

  async function limited(session: MemberSession): Promise<boolean> {
    const check = await limiter([[`endorse:${session.unionId}:${session.memberNumber}`, SIGN_LIMIT]]);
    return !check.ok;
  }

  async function sign(session: MemberSession, pageId: string, body: { readonly shownName?: string | undefined; readonly role?: string | undefined }): R<'signEndorsement'> {
    if (await limited(session)) return err('rate_limited');
    const found = await store.campaigns.getEndorsementPage(pageId);
    if (found === null) return err('page_not_found');
    // Signing ends with the campaign (withdrawing never does: a member may always take their name off).
    const vote = await store.votes.getVote(found.voteId);
    if (vote === null || !campaigning(vote)) return err('campaign_closed');
    // A verified member of the page's union: on the vote's roll and still in good standing.
    const entry = found.unionId === session.unionId ? await store.rolls.getRollEntry(found.voteId, session.memberNumber) : null;
    const member: Member | undefined = (await store.members.findMembersByNumber(session.memberNumber)).find((m) => m.unionId === session.unionId);
    if (entry === null || entry.status !== 'eligible' || member?.goodStanding !== true) return err('not_eligible');
    const signed = await store.campaigns.signEndorsement({
      pageId, unionId: session.unionId, memberNumber: session.memberNumber, shownName: body.shownName ?? entry.name, role: body.role ?? null,
    });
    if (!signed.ok) return signed;
    return ok({ signature: signature(signed.value), count: (await store.campaigns.getEndorsementPage(pageId))?.count ?? 0 });
  }

  async function withdraw(session: MemberSession, pageId: string): R<'withdrawEndorsement'> {
    if (await limited(session)) return err('rate_limited');
    if ((await store.campaigns.getEndorsementPage(pageId)) === null) return err('page_not_found');
    if (!(await store.campaigns.withdrawEndorsement(pageId, session.unionId, session.memberNumber))) return err('not_signed');
    return ok({ pageId, withdrawn: true as const, count: (await store.campaigns.getEndorsementPage(pageId))?.count ?? 0 });
  }

  async function mine(session: MemberSession): R<'mySignatures'> {
    return ok({ signatures: (await store.campaigns.listMemberEndorsements(session.unionId, session.memberNumber)).map(signature) });
  }

  // --- Campaign committees (their vote and side come from the account, never from the request) ---

  async function committeeOf(actor: StaffSessionActor): Promise<Result<{ committee: CampaignCommittee; vote: Vote }, ApiErrorCode>> {
    const committee = actor.role === 'campaign' ? await store.campaigns.getCommittee(actor.id) : null;
    const vote = committee === null ? null : await store.votes.getVote(committee.voteId);
    if (committee === null || vote === null) return err('not_a_committee');
    return ok({ committee, vote });
  }

  const committeeView = (c: CampaignCommittee) => ({ username: c.username, voteId: c.voteId, side: c.side, name: c.name, createdAt: c.createdAt });
  const approvedCount = async (voteId: string, side: 'for' | 'against') => (await store.campaigns.listAppeals(voteId, side)).filter((a) => a.status === 'approved').length;

  async function campaignMe(actor: StaffSessionActor): R<'campaignMe'> {
    const c = await committeeOf(actor);
    if (!c.ok) return c;
    const { committee, vote } = c.value;
    return ok({ committee: committeeView(committee), voteTitle: voteInfo(vote).title, quota: APPEALS_PER_SIDE, approved: await approvedCount(vote.id, committee.side) });
  }

  async function createPage(voteId: string, side: 'for' | 'against', body: { readonly title: string; readonly statement: string }, createdBy: string) {
    const vote = await store.votes.getVote(voteId);
    if (vote === null) return err('vote_not_found');
    const created = await store.campaigns.createEndorsementPage({ id: newId(), voteId, side, title: body.title, statement: body.statement, createdBy });
    if (!created.ok) return created.error === 'vote_not_found' ? err('vote_not_found') : err('internal_error');
    return ok(pageView(created.value, vote));
  }

  /** Committee writes per committee per rate window. */
  async function committeeLimited(committee: CampaignCommittee): Promise<boolean> {
    return !(await limiter([[`campaign:${committee.staffId}`, SIGN_LIMIT]])).ok;
  }

  async function campaignCreatePage(actor: StaffSessionActor, body: { readonly title: string; readonly statement: string }): R<'campaignCreatePage'> {
    const c = await committeeOf(actor);
    if (!c.ok) return c;
    if (await committeeLimited(c.value.committee)) return err('rate_limited');
    return createPage(c.value.vote.id, c.value.committee.side, body, actorName(actor));
  }

  async function submitAppeal(actor: StaffSessionActor, body: z.infer<typeof appealBodySchema>): R<'campaignSubmitAppeal'> {
    const c = await committeeOf(actor);
    if (!c.ok) return c;
    const { committee, vote } = c.value;
    if (await committeeLimited(committee)) return err('rate_limited');
    if (!campaigning(vote)) return err('campaign_closed');
    if ((await approvedCount(vote.id, committee.side)) >= APPEALS_PER_SIDE) return err('appeal_quota_reached', `${APPEALS_PER_SIDE} approved already`);
    const submitted = await store.campaigns.submitAppeal({
      id: newId(), voteId: vote.id, side: committee.side, committeeId: committee.staffId, committeeName: committee.name,
      subjectEn: body.subjectEn, bodyEn: body.bodyEn, subjectEs: body.subjectEs ?? null, bodyEs: body.bodyEs ?? null,
    });
    if (!submitted.ok) return submitted.error === 'vote_not_found' ? err('vote_not_found') : err('internal_error');
    return ok(await appealView(submitted.value));
  }

  async function campaignAppeals(actor: StaffSessionActor): R<'campaignAppeals'> {
    const c = await committeeOf(actor);
    if (!c.ok) return c;
    const own = (await store.campaigns.listAppeals(c.value.vote.id, c.value.committee.side)).filter((a) => a.committeeId === c.value.committee.staffId);
    return ok({ voteId: c.value.vote.id, quota: APPEALS_PER_SIDE, appeals: await Promise.all(own.map(appealView)) });
  }

  // --- Administrators and observers ---

  async function adminCreatePage(voteId: string, body: { readonly side: 'for' | 'against'; readonly title: string; readonly statement: string }, actor: StaffActor): R<'adminCreateEndorsementPage'> {
    return createPage(voteId, body.side, body, actorName(actor));
  }

  async function createCommittee(voteId: string, body: { readonly side: 'for' | 'against'; readonly name: string; readonly username: string; readonly password: string }): R<'adminCreateCommittee'> {
    if ((await store.votes.getVote(voteId)) === null) return err('vote_not_found');
    const username = normalizeUsername(body.username);
    if (username === null) return err('invalid_username');
    if (body.password.length < MIN_PASSWORD_LENGTH) return err('weak_password');
    const created = await store.campaigns.createCommittee({
      voteId, side: body.side, name: body.name,
      account: { id: newId(), username, role: 'campaign', passwordHash: await hashPassword(body.password), totpSecretEncrypted: null },
    });
    if (!created.ok) return created.error === 'not_campaign_role' ? err('internal_error') : err(created.error);
    return ok(committeeView(created.value));
  }

  async function committees(voteId: string): R<'adminCommittees'> {
    if ((await store.votes.getVote(voteId)) === null) return err('vote_not_found');
    return ok({ voteId, committees: (await store.campaigns.listCommittees(voteId)).map(committeeView) });
  }

  async function appeals(voteId: string): R<'adminAppeals'> {
    if ((await store.votes.getVote(voteId)) === null) return err('vote_not_found');
    return ok({ voteId, quota: APPEALS_PER_SIDE, appeals: await Promise.all((await store.campaigns.listAppeals(voteId)).map(appealView)) });
  }

  async function approve(appealId: string, actor: StaffActor): R<'adminApproveAppeal'> {
    const appeal = await store.campaigns.getAppeal(appealId);
    if (appeal === null) return err('appeal_not_found');
    const vote = await store.votes.getVote(appeal.voteId);
    if (vote === null) return err('appeal_not_found');
    if (!campaigning(vote)) return err('campaign_closed');
    if (appeal.status !== 'pending') return err('appeal_not_pending');
    // After the checks of the request itself (the quota is checked again in the transaction).
    if (key === null) return err('secret_key_missing', 'Emailing an approved appeal to the roll');
    const info = voteInfo(vote);
    // The same audience for every side: every eligible entry of the vote's frozen roll, in roll order.
    const eligible = (await store.rolls.listRollEntries(vote.id)).filter((e) => e.status === 'eligible');
    const languages = new Map((await store.members.listMembers(vote.unionId)).map((m) => [m.memberNumber, languageOf(m.language)]));
    const now = clock().toISOString();
    const pagesLink = `${publicUrl}/votes/${encodeURIComponent(vote.id)}/endorsements`;
    const messages = (approved: Appeal): NewMailMessage[] =>
      eligible.map((entry) => {
        const spanish = languages.get(entry.memberNumber) === 'es' && approved.subjectEs !== null && approved.bodyEs !== null;
        const rendered = appealMail(spanish ? 'es' : 'en', {
          name: entry.name, committee: approved.committeeName, side: approved.side, voteTitle: info.title,
          subject: spanish ? approved.subjectEs! : approved.subjectEn, body: spanish ? approved.bodyEs! : approved.bodyEn,
          quota: APPEALS_PER_SIDE, pagesLink,
        });
        const id = newId();
        return { id, kind: 'campaign_appeal', voteId: vote.id, memberNumber: entry.memberNumber, recipient: entry.email, subject: rendered.subject, sealedBody: sealBody(key, id, rendered.text), notBefore: now };
      });
    const decidedBy = actorName(actor);
    const done = await store.transaction<Appeal, ApiErrorCode>(async (tx) => {
      const approved = await tx.campaigns.approveAppeal({ appealId, decidedBy, quota: APPEALS_PER_SIDE, messages });
      if (!approved.ok) return approved;
      await tx.audit.appendAudit({
        actor: decidedBy, action: 'campaign_appeal_approved', voteId: vote.id,
        details: JSON.stringify({ appealId, side: approved.value.side, committee: approved.value.committeeName, recipients: approved.value.recipients }),
      });
      return approved;
    });
    if (!done.ok) return done;
    return ok(await appealView(done.value));
  }

  async function reject(appealId: string, reason: string, actor: StaffActor): R<'adminRejectAppeal'> {
    const rejected = await store.campaigns.rejectAppeal(appealId, actorName(actor), reason);
    if (!rejected.ok) return rejected;
    return ok(await appealView(rejected.value));
  }

  async function record(appealId: string): R<'appealRecord'> {
    const appeal = await store.campaigns.getAppeal(appealId);
    if (appeal === null) return err('appeal_not_found');
    const deliveries = (await store.campaigns.listAppealDeliveries(appealId)).map((d) => ({
      memberNumber: d.memberNumber, status: d.status, attempts: d.attempts, lastError: d.lastError, updatedAt: d.updatedAt,
    }));
    return ok({ appeal: await appealView(appeal), deliveries });
  }

  return { pages, page, sign, withdraw, mine, campaignMe, campaignCreatePage, submitAppeal, campaignAppeals, adminCreatePage, createCommittee, committees, appeals, approve, reject, record };
}

export type CampaignService = ReturnType<typeof createCampaignService>;
