// The single-page app: the route from the address bar → a page inside the shell. Pages are small
// components in booth/ and public/; this file only picks one. The staff pages (staff-pages.tsx) are
// a separate chunk loaded on first visit, so a member's phone downloads only the member pages.
import { assertNever } from '@ratify/crypto';
import { Suspense, lazy } from 'preact/compat';
import { useEffect, useErrorBoundary, useState } from 'preact/hooks';
import { BallotPage } from './booth/ballot-page.tsx';
import { MyBallots } from './booth/my-ballots.tsx';
import { EndorsementPage } from './campaigns/endorsement-page.tsx';
import { EndorsementsPage } from './campaigns/endorsements-page.tsx';
import { BoardPage } from './public/board-page.tsx';
import { HomePage } from './public/home-page.tsx';
import { ResultPage } from './public/result-page.tsx';
import { VotePage } from './public/vote-page.tsx';
import { isStaffRoute, parseRoute, type MemberRoute, type Route, type StaffRoute } from './router.ts';
import { useI18n } from './ui/i18n-context.ts';
import { onNavigate } from './ui/navigation.ts';
import { PageHeading } from './ui/page.tsx';
import { Shell, useLanguage } from './ui/shell.tsx';

const StaffPage = lazy(() => import('./staff-pages.tsx').then((m) => ({ default: m.StaffPage })));

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

/** The staff chunk while it loads, and a plain message if it cannot be fetched (offline, a new release). */
function LazyStaffPage({ route }: { readonly route: StaffRoute }) {
  const { t } = useI18n();
  const [error] = useErrorBoundary();
  if (error !== undefined) return <p role="alert">{t('common.load_failed')}</p>;
  return (
    <Suspense fallback={<p aria-busy="true">{t('common.loading')}</p>}>
      <StaffPage route={route} />
    </Suspense>
  );
}

function MemberPage({ route }: { readonly route: MemberRoute }) {
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
    case 'endorsements':
      return <EndorsementsPage voteId={route.voteId} />;
    case 'endorsement_page':
      return <EndorsementPage pageId={route.pageId} />;
    case 'not_found':
      return <NotFound />;
    default:
      return assertNever(route);
  }
}

function Page({ route }: { readonly route: Route }) {
  return isStaffRoute(route) ? <LazyStaffPage route={route} /> : <MemberPage route={route} />;
}

const currentRoute = () => parseRoute(location.pathname, location.search);

export function App() {
  const i18n = useLanguage();
  const [route, setRoute] = useState<Route>(currentRoute);
  useEffect(() => onNavigate(() => setRoute(currentRoute())), []);
  // A new key per route remounts the page, so each page starts from a clean state.
  const key = JSON.stringify(route);
  return (
    <Shell i18n={i18n} wide={isStaffRoute(route)}>
      <Page key={key} route={route} />
    </Shell>
  );
}
