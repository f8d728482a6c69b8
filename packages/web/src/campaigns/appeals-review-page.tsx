// Administrators and observers: a vote's campaign appeals from both sides, with the equal-terms
// quota; administrators approve (the platform then queues the appeal to the whole roll) or reject
// with a reason; everyone here can open an approved appeal's delivery record (by member number).
import { useState } from 'preact/hooks';
import { formatInstant } from '../i18n/i18n.ts';
import { useApi } from '../public/use-api.ts';
import { StaffGate } from '../staff/staff-gate.tsx';
import { type StaffIdentity, staffCall } from '../staff/staff-api.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading, Status } from '../ui/page.tsx';
import { AppealSummary, type AppealView } from './appeal-summary.tsx';
import { describeCampaignFailure } from './campaign-api.ts';
import { CampaignSetup } from './campaign-setup.tsx';

function DeliveryRecord({ appealId }: { readonly appealId: string }) {
  const { t, lang } = useI18n();
  const record = useApi(() => staffCall('appealRecord', { params: { appealId } }), [appealId]);
  if (record.kind === 'loading') return <Loading />;
  if (record.kind === 'failed') return <ErrorAlert message={describeCampaignFailure(t, record.failure)} />;
  return (
    <div class="table-scroll" tabIndex={0}>
      <table>
        <caption>{t('campaign.review.record')}</caption>
        <thead><tr><th scope="col">{t('campaign.review.member')}</th><th scope="col">{t('campaign.review.status')}</th><th scope="col">{t('campaign.review.updated')}</th></tr></thead>
        <tbody>
          {record.value.deliveries.map((d, i) => (
            <tr key={i}><td>{d.memberNumber ?? '—'}</td><td>{d.status}</td><td>{formatInstant(d.updatedAt, lang)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Decide({ appeal, onDone }: { readonly appeal: AppealView; readonly onDone: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const act = async (approve: boolean) => {
    setBusy(true);
    setError(undefined);
    const r = approve
      ? await staffCall('adminApproveAppeal', { params: { appealId: appeal.id } })
      : await staffCall('adminRejectAppeal', { params: { appealId: appeal.id }, json: { reason } });
    setBusy(false);
    if (!r.ok) return setError(describeCampaignFailure(t, r));
    setStatus(t(approve ? 'campaign.appeal.status.approved' : 'campaign.appeal.status.rejected'));
    onDone();
  };
  const reasonId = `reason-${appeal.id}`;
  return (
    <div class="actions">
      <button type="button" disabled={busy} onClick={() => void act(true)}>{t('campaign.review.approve')}</button>
      <label for={reasonId}>{t('campaign.review.reason')}</label>
      <input id={reasonId} type="text" maxLength={1000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      <button type="button" class="secondary" disabled={busy || reason.trim() === ''} onClick={() => void act(false)}>{t('campaign.review.reject')}</button>
      <Status message={status} />
      <ErrorAlert message={error} />
    </div>
  );
}

function Review({ voteId, me }: { readonly voteId: string; readonly me: StaffIdentity }) {
  const { t } = useI18n();
  const [generation, setGeneration] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const vote = useApi(() => staffCall('getVote', { params: { id: voteId } }), [voteId]);
  const appeals = useApi(() => staffCall('adminAppeals', { params: { id: voteId } }), [voteId, generation]);
  const title = t('campaign.review.title', { vote: vote.kind === 'ready' ? vote.value.title : voteId });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {appeals.kind === 'loading' ? <Loading /> : null}
      {appeals.kind === 'failed' ? <ErrorAlert message={describeCampaignFailure(t, appeals.failure)} /> : null}
      {appeals.kind === 'ready' ? (
        <>
          <p>{t('campaign.console.quota', { quota: appeals.value.quota, approved: appeals.value.appeals.filter((a) => a.status === 'approved').length })}</p>
          {appeals.value.appeals.length === 0 ? <p>{t('campaign.review.none')}</p> : (
            <ul class="appeals">
              {appeals.value.appeals.map((a) => (
                <li key={a.id} class="card">
                  <AppealSummary appeal={a} headingLevel={2} />
                  {a.status === 'pending' && me.role === 'administrator' ? <Decide appeal={a} onDone={() => setGeneration((g) => g + 1)} /> : null}
                  {a.status === 'approved' ? (
                    <>
                      <button type="button" class="secondary" aria-expanded={open === a.id} onClick={() => setOpen(open === a.id ? null : a.id)}>{t('campaign.review.record')}</button>
                      {open === a.id ? <DeliveryRecord appealId={a.id} /> : null}
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      {me.role === 'administrator' ? <CampaignSetup voteId={voteId} /> : null}
      <p class="page-links">
        <a href={`/admin/votes/${voteId}`}>{t('admin.vote.title_plain')}</a>
        <a href={`/votes/${voteId}/endorsements`}>{t('campaign.pages.link')}</a>
      </p>
    </>
  );
}

export function AppealsReviewPage({ voteId }: { readonly voteId: string }) {
  const { t } = useI18n();
  return <StaffGate roles={['administrator', 'observer']} title={t('campaign.review.link')}>{(me) => <Review voteId={voteId} me={me} />}</StaffGate>;
}
