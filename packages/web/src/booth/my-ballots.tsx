// The booth's start page: sign in, then the ballots this member may cast — one per union for a dual
// member — with whether they have voted; the votes of their unions they cannot vote in, with the
// reason (not in good standing on the record date, removed, challenged…); and a sign-out button.
import { api } from '../api.ts';
import { clearCapturedCredential } from './credential-link.ts';
import { SignIn } from './sign-in.tsx';
import { useMember, type Me } from './use-member.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading } from '../ui/page.tsx';
import { formatDay, formatInstant } from '../i18n/i18n.ts';
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
        <p>{t(me.cannotVote.length > 0 ? 'booth.no_ballots_see_below' : 'booth.no_ballots')}</p>
      ) : (
        <ul class="cards">
          {me.votes.map((v) => (
            <li key={v.voteId} class="card">
              <h3>{v.title}</h3>
              <p>
                {t('booth.union_line', { union: v.unionName, memberNumber: v.memberNumber })}
              </p>
              <p>
                <StatusBadge status={v.status} /> {v.status === 'open' ? t('vote.closes_at', { when: formatInstant(v.schedule.closesAt, lang) }) : null}
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
      {me.cannotVote.length > 0 ? (
        <>
          <h2>{t('booth.cannot_vote_heading')}</h2>
          <ul class="cards">
            {me.cannotVote.map((v) => (
              <li key={v.voteId} class="card" data-cannot-vote={v.reason}>
                <h3>{v.title}</h3>
                <p>{v.unionName} · <StatusBadge status={v.status} /></p>
                <p>{t(`booth.cannot_vote.${v.reason}`, { date: formatDay(v.recordDate, lang) })}</p>
                <p class="hint">{t('booth.cannot_vote_help')}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
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
