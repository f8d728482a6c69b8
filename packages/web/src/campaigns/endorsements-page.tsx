// Public: a vote's endorsement pages, both sides, each with its signature count. Linked from the
// vote page. Counts and titles only; each page lists its endorsers.
import { useApi } from '../public/use-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading } from '../ui/page.tsx';
import { api } from '../api.ts';
import { sideKey } from './campaign-api.ts';

export function EndorsementsPage({ voteId }: { readonly voteId: string }) {
  const { t } = useI18n();
  const vote = useApi(() => api.call('getVote', { params: { id: voteId } }), [voteId]);
  const pages = useApi(() => api.call('endorsementPages', { params: { id: voteId } }), [voteId]);
  const voteTitle = vote.kind === 'ready' ? vote.value.title : voteId;
  const title = t('campaign.pages.title', { vote: voteTitle });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {vote.kind === 'ready' ? <p>{t('campaign.pages.intro', { union: vote.value.unionName })}</p> : null}
      {pages.kind === 'loading' ? <Loading /> : null}
      {pages.kind === 'failed' ? <ErrorAlert message={describeFailure(t, pages.failure)} /> : null}
      {pages.kind === 'ready' && pages.value.pages.length === 0 ? <p>{t('campaign.pages.none')}</p> : null}
      {pages.kind === 'ready' && pages.value.pages.length > 0 ? (
        <ul class="endorsement-pages">
          {pages.value.pages.map((p) => (
            <li key={p.id} class="card">
              <h2>
                <a href={`/endorsements/${p.id}`}>{p.title}</a>
              </h2>
              <p class={`side side-${p.side}`}>{t(sideKey(p.side))}</p>
              <p>{t('campaign.pages.count', { count: p.count })}</p>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href={`/votes/${voteId}`}>{t('campaign.pages.back')}</a>
      </p>
    </>
  );
}
