// Trustees: the drafts whose key ceremony I take part in, and — once a vote exists — its tally step.
import { useApi } from '../public/use-api.ts';
import { StaffGate } from '../staff/staff-gate.tsx';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading } from '../ui/page.tsx';

function Home() {
  const { t } = useI18n();
  const drafts = useApi(() => staffCall('trusteeDrafts'), []);
  const title = t('trustee.home.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('trustee.home.intro')}</p>
      {drafts.kind === 'loading' ? <Loading /> : null}
      {drafts.kind === 'failed' ? <ErrorAlert message={describeFailure(t, drafts.failure)} /> : null}
      {drafts.kind === 'ready' ? (
        drafts.value.drafts.length === 0 ? <p>{t('trustee.home.none')}</p> : (
          <ul class="cards">
            {drafts.value.drafts.map((d) => (
              <li key={d.draftId} class="card">
                <h2 class="card-title">{d.title}</h2>
                <p>{t('trustee.home.you_are', { n: d.you })}</p>
                <p class="page-links">
                  <a href={`/trustee/drafts/${d.draftId}`}>{t('trustee.home.ceremony', { title: d.title })}</a>
                  {d.status === 'created' ? <a href={`/trustee/votes/${d.draftId}`}>{t('trustee.home.decrypt', { title: d.title })}</a> : null}
                </p>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </>
  );
}

export function TrusteeHomePage() {
  const { t } = useI18n();
  return <StaffGate roles={['trustee']} title={t('trustee.home.title')}>{() => <Home />}</StaffGate>;
}
