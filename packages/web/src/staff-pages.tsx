// The staff pages (administrators, observers, trustees, campaign committees) behind one switch. app.tsx
// loads this module on demand, so it and everything only it imports form their own chunk, which the
// booth and the public pages never download.
import './i18n/staff-catalogue.ts';
import { assertNever } from '@ratify/crypto';
import { AuditPage } from './admin/audit-page.tsx';
import { ContractPage, ContractsPage } from './admin/bargaining-page.tsx';
import { DraftFormPage } from './admin/draft-form-page.tsx';
import { DraftPage } from './admin/draft-page.tsx';
import { DraftsPage } from './admin/drafts-page.tsx';
import { FollowUpDraftPage } from './admin/follow-up-draft-page.tsx';
import { RollAmendmentsPage } from './admin/roll-amendments-page.tsx';
import { RollPage } from './admin/roll-page.tsx';
import { StaffAccountsPage } from './admin/staff-accounts-page.tsx';
import { UnionsPage } from './admin/unions-page.tsx';
import { VoteConsolePage } from './admin/vote-console-page.tsx';
import { VotesPage } from './admin/votes-page.tsx';
import { AppealsReviewPage } from './campaigns/appeals-review-page.tsx';
import { CampaignConsolePage } from './campaigns/campaign-console-page.tsx';
import type { StaffRoute } from './router.ts';
import { PasswordPage } from './staff/password-page.tsx';
import { StaffSignInPage } from './staff/staff-sign-in.tsx';
import { CeremonyPage } from './trustee/ceremony-page.tsx';
import { DecryptPage } from './trustee/decrypt-page.tsx';
import { TrusteeHomePage } from './trustee/trustee-home.tsx';

export function StaffPage({ route }: { readonly route: StaffRoute }) {
  switch (route.kind) {
    case 'staff':
      return <StaffSignInPage />;
    case 'admin_unions':
      return <UnionsPage />;
    case 'admin_roll':
      return <RollPage unionId={route.id} />;
    case 'admin_drafts':
      return <DraftsPage />;
    case 'admin_draft_new':
      return <DraftFormPage />;
    case 'admin_draft':
      return <DraftPage draftId={route.id} />;
    case 'admin_votes':
      return <VotesPage />;
    case 'admin_vote':
      return <VoteConsolePage voteId={route.id} />;
    case 'admin_roll_amendments':
      return <RollAmendmentsPage voteId={route.id} />;
    case 'admin_staff':
      return <StaffAccountsPage />;
    case 'staff_password':
      return <PasswordPage />;
    case 'admin_audit':
      return <AuditPage voteId={route.voteId} />;
    case 'admin_follow_up':
      return <FollowUpDraftPage voteId={route.voteId} questionId={route.questionId} />;
    case 'trustee_home':
      return <TrusteeHomePage />;
    case 'trustee_ceremony':
      return <CeremonyPage draftId={route.id} />;
    case 'trustee_decrypt':
      return <DecryptPage voteId={route.id} />;
    case 'admin_contracts':
      return <ContractsPage />;
    case 'admin_contract':
      return <ContractPage contractId={route.id} />;
    case 'campaign_console':
      return <CampaignConsolePage />;
    case 'admin_appeals':
      return <AppealsReviewPage voteId={route.voteId} />;
    default:
      return assertNever(route);
  }
}
