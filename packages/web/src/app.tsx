// The single-page app: the route from the address bar → a page inside the shell. Pages are small
// components in booth/ and public/; this file only picks one.
import { assertNever } from '@ratify/crypto';
import { useEffect, useState } from 'preact/hooks';
import { AuditPage } from './admin/audit-page.tsx';
import { ContractPage, ContractsPage } from './admin/bargaining-page.tsx';
import { DraftFormPage } from './admin/draft-form-page.tsx';
import { DraftPage } from './admin/draft-page.tsx';
import { DraftsPage } from './admin/drafts-page.tsx';
import { FollowUpDraftPage } from './admin/follow-up-draft-page.tsx';
import { RollPage } from './admin/roll-page.tsx';
import { UnionsPage } from './admin/unions-page.tsx';
import { VoteConsolePage } from './admin/vote-console-page.tsx';
import { RollAmendmentsPage } from './admin/roll-amendments-page.tsx';
import { StaffAccountsPage } from './admin/staff-accounts-page.tsx';
import { PasswordPage } from './staff/password-page.tsx';
import { VotesPage } from './admin/votes-page.tsx';
import { BallotPage } from './booth/ballot-page.tsx';
import { AppealsReviewPage } from './campaigns/appeals-review-page.tsx';
import { CampaignConsolePage } from './campaigns/campaign-console-page.tsx';
import { EndorsementPage } from './campaigns/endorsement-page.tsx';
import { EndorsementsPage } from './campaigns/endorsements-page.tsx';
import { MyBallots } from './booth/my-ballots.tsx';
import { BoardPage } from './public/board-page.tsx';
import { HomePage } from './public/home-page.tsx';
import { ResultPage } from './public/result-page.tsx';
import { VotePage } from './public/vote-page.tsx';
import { parseRoute, type Route } from './router.ts';
import { useI18n } from './ui/i18n-context.ts';
import { onNavigate } from './ui/navigation.ts';
import { StaffSignInPage } from './staff/staff-sign-in.tsx';
import { CeremonyPage } from './trustee/ceremony-page.tsx';
import { DecryptPage } from './trustee/decrypt-page.tsx';
import { TrusteeHomePage } from './trustee/trustee-home.tsx';
import { PageHeading } from './ui/page.tsx';
import { Shell, useLanguage } from './ui/shell.tsx';

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('notfound.title')}>{t('notfound.title')}</PageHeading>
      <p>
        <a href="/">{t('nav.home')}</a>
      </p>
    </>
  );
}

function Page({ route }: { readonly route: Route }) {
  switch (route.kind) {
    case 'home':
      return <HomePage />;
    case 'booth':
      return <MyBallots />;
    case 'ballot':
      return <BallotPage voteId={route.voteId} />;
    case 'vote':
      return <VotePage voteId={route.voteId} />;
    case 'board':
      return <BoardPage voteId={route.voteId} q={route.q} />;
    case 'result':
      return <ResultPage voteId={route.voteId} />;
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
    case 'endorsements':
      return <EndorsementsPage voteId={route.voteId} />;
    case 'endorsement_page':
      return <EndorsementPage pageId={route.pageId} />;
    case 'campaign_console':
      return <CampaignConsolePage />;
    case 'admin_appeals':
      return <AppealsReviewPage voteId={route.voteId} />;
    case 'not_found':
      return <NotFound />;
    default:
      return assertNever(route);
  }
}

const currentRoute = () => parseRoute(location.pathname, location.search);

export function App() {
  const i18n = useLanguage();
  const [route, setRoute] = useState<Route>(currentRoute);
  useEffect(() => onNavigate(() => setRoute(currentRoute())), []);
  // A new key per route remounts the page, so each page starts from a clean state.
  const key = JSON.stringify(route);
  return (
    <Shell i18n={i18n}>
      <Page key={key} route={route} />
    </Shell>
  );
}
