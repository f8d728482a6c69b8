// The campaigns part of the Store port (docs/campaigns.md): campaign committees (a staff account of
// role `campaign` bound to one vote and one side), endorsement pages and their signatures (verified
// members only; one per member per page; withdrawable), and appeals (a committee's message, decided
// by an administrator and, once approved, queued to the whole roll through the mail queue). The
// equal-terms quota is enforced here, inside the approving transaction. Must not render or send
// mail, and must not check who may call (the server does).
import type { Result } from '@ratify/crypto';
import type { MailStatus, NewMailMessage } from './mail.ts';
import type { NewStaffAccount, StaffAccount } from './staff.ts';

export type CampaignSide = 'for' | 'against';

export interface NewCampaignCommittee {
  readonly voteId: string;
  readonly side: CampaignSide;
  /** Shown in every appeal's footer, e.g. "Actors for a Fair Contract". */
  readonly name: string;
  /** The staff account (role `campaign`) the committee signs in with. */
  readonly account: NewStaffAccount;
}

export interface CampaignCommittee {
  readonly staffId: string;
  readonly username: string;
  readonly voteId: string;
  readonly side: CampaignSide;
  readonly name: string;
  readonly createdAt: string;
}

export interface NewEndorsementPage {
  readonly id: string;
  readonly voteId: string;
  readonly side: CampaignSide;
  readonly title: string;
  readonly statement: string;
  /** `staff:<username>` or `ops-token`. */
  readonly createdBy: string;
}

export interface EndorsementPage extends NewEndorsementPage {
  readonly unionId: string;
  readonly createdAt: string;
  /** Signatures now (withdrawn ones are gone). */
  readonly count: number;
}

export interface NewEndorsement {
  readonly pageId: string;
  readonly unionId: string;
  readonly memberNumber: string;
  readonly shownName: string;
  readonly role: string | null;
}

export interface Endorsement extends NewEndorsement {
  readonly signedAt: string;
}

export type AppealStatus = 'pending' | 'approved' | 'rejected';

export interface NewAppeal {
  readonly id: string;
  readonly voteId: string;
  readonly side: CampaignSide;
  readonly committeeId: string;
  readonly committeeName: string;
  readonly subjectEn: string;
  readonly bodyEn: string;
  readonly subjectEs: string | null;
  readonly bodyEs: string | null;
}

export interface Appeal extends NewAppeal {
  readonly status: AppealStatus;
  readonly submittedAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly rejectReason: string | null;
  /** Messages queued on approval (the whole eligible roll then); null before. */
  readonly recipients: number | null;
}

export interface AppealApproval {
  readonly appealId: string;
  readonly decidedBy: string;
  /** Approved appeals allowed per vote and side (the equal-terms rule). */
  readonly quota: number;
  /** Builds the messages once the appeal is known to be approvable (one per eligible roll entry). */
  readonly messages: (appeal: Appeal) => readonly NewMailMessage[];
}

/** One recipient of an approved appeal: the delivery state of their message, by member number. */
export interface AppealDelivery {
  readonly messageId: string;
  readonly memberNumber: string | null;
  readonly status: MailStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly updatedAt: string;
}

export type CreateCommitteeError = 'duplicate_username' | 'vote_not_found' | 'not_campaign_role';
export type CreatePageError = 'vote_not_found' | 'duplicate_page';
export type SignEndorsementError = 'page_not_found' | 'already_signed';
export type SubmitAppealError = 'vote_not_found' | 'duplicate_appeal';
export type DecideAppealError = 'appeal_not_found' | 'appeal_not_pending' | 'appeal_quota_reached';

export interface CampaignStore {
  /** The staff account (role campaign) and its committee row, all or nothing. */
  createCommittee(input: NewCampaignCommittee): Promise<Result<CampaignCommittee & { readonly account: StaffAccount }, CreateCommitteeError>>;
  getCommittee(staffId: string): Promise<CampaignCommittee | null>;
  /** A vote's committees, by side then name. */
  listCommittees(voteId: string): Promise<readonly CampaignCommittee[]>;

  createEndorsementPage(page: NewEndorsementPage): Promise<Result<EndorsementPage, CreatePageError>>;
  getEndorsementPage(id: string): Promise<EndorsementPage | null>;
  /** A vote's pages, oldest first. */
  listEndorsementPages(voteId: string): Promise<readonly EndorsementPage[]>;
  /** One signature per member per page. */
  signEndorsement(endorsement: NewEndorsement): Promise<Result<Endorsement, SignEndorsementError>>;
  /** true if the member's signature was removed. */
  withdrawEndorsement(pageId: string, unionId: string, memberNumber: string): Promise<boolean>;
  /** A page's signatures, oldest first. */
  listEndorsements(pageId: string): Promise<readonly Endorsement[]>;
  /** A member's signatures on any page, oldest first. */
  listMemberEndorsements(unionId: string, memberNumber: string): Promise<readonly Endorsement[]>;

  submitAppeal(appeal: NewAppeal): Promise<Result<Appeal, SubmitAppealError>>;
  getAppeal(id: string): Promise<Appeal | null>;
  /** A vote's appeals (optionally one side's), oldest first. */
  listAppeals(voteId: string, side?: CampaignSide): Promise<readonly Appeal[]>;
  /**
   * In one transaction: the appeal is pending, its side has fewer than `quota` approved appeals for
   * the vote, it becomes approved, and its messages are queued and linked to it.
   */
  approveAppeal(approval: AppealApproval): Promise<Result<Appeal, DecideAppealError>>;
  rejectAppeal(appealId: string, decidedBy: string, reason: string): Promise<Result<Appeal, Exclude<DecideAppealError, 'appeal_quota_reached'>>>;
  /** The messages an approved appeal queued, by member number. */
  listAppealDeliveries(appealId: string): Promise<readonly AppealDelivery[]>;
}
