// The front page: what Ratify is, the way into the booth, and every vote with its public pages.
import { api } from '../api.ts';
import { formatInstant } from '../i18n/i18n.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading } from '../ui/page.tsx';
import { StatusBadge } from './status-badge.tsx';
import { useApi } from './use-api.ts';

export function HomePage() {
  const { t, lang } = useI18n();
  const votes = useApi(() => api.listVotes(), []);
  return (
    <>
      <PageHeading title={t('home.title')}>{t('home.title')}</PageHeading>
      <p>{t('home.intro')}</p>
      <p>
        <a class="button" href="/booth">{t('home.go_vote')}</a>
      </p>
      <h2>{t('home.votes')}</h2>
      {votes.kind === 'loading' ? <Loading /> : null}
      {votes.kind === 'failed' ? <ErrorAlert message={describeFailure(t, votes.failure)} /> : null}
      {votes.kind === 'ready' ? (
        votes.value.votes.length === 0 ? (
          <p>{t('home.no_votes')}</p>
        ) : (
          <ul class="cards">
            {votes.value.votes.map((v) => (
              <li key={v.id} class="card">
                <h3>
                  <a href={`/votes/${v.id}`}>{v.title}</a>
                </h3>
                <p>{v.unionName}</p>
                <p>
                  <StatusBadge status={v.status} /> {t('vote.closes_at', { when: formatInstant(v.schedule.closesAt, lang) })}
                </p>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </>
  );
}
