// The booth's start page: sign in, then the ballots this member may cast — one per union for a dual
// member — with whether they have voted, and a sign-out button.
import { api } from '../api.ts';
import { clearCapturedCredential } from './credential-link.ts';
import { SignIn } from './sign-in.tsx';
import { useMember, type Me } from './use-member.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading } from '../ui/page.tsx';
import { formatInstant } from '../i18n/i18n.ts';
import { StatusBadge } from '../public/status-badge.tsx';

function BallotList({ me, onSignedOut }: { readonly me: Me; readonly onSignedOut: () => void }) {
  const { t, lang } = useI18n();
  const signOut = async () => {
    await api.logout();
    clearCapturedCredential();
    onSignedOut();
  };
  return (
    <>
      <p>{t('booth.welcome', { name: me.name })}</p>
      <h2>{t('booth.your_ballots')}</h2>
      {me.votes.length === 0 ? (
        <p>{t('booth.no_ballots')}</p>
      ) : (
        <ul class="cards">
          {me.votes.map((v) => (
            <li key={v.voteId} class="card">
              <h3>{v.title}</h3>
              <p>
                {t('booth.union_line', { union: v.unionName, memberNumber: v.memberNumber })}
              </p>
              <p>
                <StatusBadge status={v.status} /> {t('vote.closes_at', { when: formatInstant(v.schedule.closesAt, lang) })}
              </p>
              {v.hasVoted ? <p class="done">{t('booth.already_voted')}</p> : null}
              {v.status === 'open' ? (
                <a class="button" href={`/booth/${v.voteId}`}>
                  {v.hasVoted ? t('booth.vote_again_in', { title: v.title, union: v.unionName }) : t('booth.vote_in', { title: v.title, union: v.unionName })}
                </a>
              ) : (
                <a href={`/votes/${v.voteId}`}>{t('booth.see_vote', { title: v.title })}</a>
              )}
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="secondary" onClick={() => void signOut()}>
        {t('booth.sign_out')}
      </button>
    </>
  );
}

export function MyBallots() {
  const { t } = useI18n();
  const { state, reload } = useMember();
  return (
    <>
      <PageHeading title={t('booth.title')}>{t('booth.title')}</PageHeading>
      {state.kind === 'loading' ? <Loading /> : null}
      {state.kind === 'signed_out' ? <SignIn onSignedIn={reload} /> : null}
      {state.kind === 'failed' ? <ErrorAlert message={describeFailure(t, state.failure)} /> : null}
      {state.kind === 'signed_in' ? <BallotList me={state.me} onSignedOut={reload} /> : null}
    </>
  );
}
