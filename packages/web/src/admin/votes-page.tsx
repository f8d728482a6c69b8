// Administrators and observers: every vote, linking to its console (turnout; for administrators
// also credentials, reminders, mail, who has voted).
import { api } from '../api.ts';
import { formatInstant } from '../i18n/i18n.ts';
import { StatusBadge } from '../public/status-badge.tsx';
import { useApi } from '../public/use-api.ts';
import { StaffGate } from '../staff/staff-gate.tsx';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading } from '../ui/page.tsx';

function Votes() {
  const { t, lang } = useI18n();
  const votes = useApi(() => api.listVotes(), []);
  const title = t('admin.votes.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {votes.kind === 'loading' ? <Loading /> : null}
      {votes.kind === 'failed' ? <ErrorAlert message={describeFailure(t, votes.failure)} /> : null}
      {votes.kind === 'ready' ? (
        <ul class="cards">
          {votes.value.votes.map((v) => (
            <li key={v.id} class="card">
              <h2 class="card-title"><a href={`/admin/votes/${v.id}`}>{v.title}</a></h2>
              <p>{v.unionName}</p>
              <p><StatusBadge status={v.status} /> {t('vote.closes_at', { when: formatInstant(v.schedule.closesAt, lang) })}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function VotesPage() {
  const { t } = useI18n();
  return <StaffGate roles={['administrator', 'observer']} title={t('admin.votes.title')}>{() => <Votes />}</StaffGate>;
}
