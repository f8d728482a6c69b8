// Administrators: every draft with its ceremony status, and the way to write a new one.
import { useApi } from '../public/use-api.ts';
import { StaffGate } from '../staff/staff-gate.tsx';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading } from '../ui/page.tsx';
import { ceremonyStatusText } from './ceremony-table.tsx';

function Drafts() {
  const { t } = useI18n();
  const drafts = useApi(() => staffCall('listDrafts'), []);
  const title = t('admin.drafts.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p><a class="button" href="/admin/drafts/new">{t('admin.drafts.new')}</a></p>
      {drafts.kind === 'loading' ? <Loading /> : null}
      {drafts.kind === 'failed' ? <ErrorAlert message={describeFailure(t, drafts.failure)} /> : null}
      {drafts.kind === 'ready' ? (
        drafts.value.drafts.length === 0 ? <p>{t('admin.drafts.none')}</p> : (
          <ul class="cards">
            {drafts.value.drafts.map((d) => (
              <li key={d.id} class="card">
                <h2 class="card-title"><a href={`/admin/drafts/${d.id}`}>{d.definition.title}</a></h2>
                <p>{d.status === 'created' ? t('admin.drafts.created') : ceremonyStatusText(t, d.ceremony.status)}</p>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </>
  );
}

export function DraftsPage() {
  const { t } = useI18n();
  return <StaffGate roles={['administrator']} title={t('admin.drafts.title')}>{() => <Drafts />}</StaffGate>;
}
