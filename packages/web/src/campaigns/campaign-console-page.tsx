// The campaign committee's console: who the committee is (its vote and side come from its account),
// the equal-terms quota, a form to submit an appeal (English, optional Spanish) for approval, and
// its own appeals with their status and delivery counts. It never sees an address.
import { useState } from 'preact/hooks';
import { APPEAL_BODY_MAX, APPEAL_SUBJECT_MAX } from '@ratify/server/api';
import { useApi } from '../public/use-api.ts';
import { StaffGate } from '../staff/staff-gate.tsx';
import { staffCall } from '../staff/staff-api.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading, Status } from '../ui/page.tsx';
import { AppealSummary } from './appeal-summary.tsx';
import { describeCampaignFailure, sideKey } from './campaign-api.ts';

function Field({ id, label, value, onValue, max, multiline }: { readonly id: string; readonly label: string; readonly value: string; readonly onValue: (v: string) => void; readonly max: number; readonly multiline?: boolean }) {
  const { t } = useI18n();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <p class="hint" id={`${id}-hint`}>{t('campaign.console.limit', { max })}</p>
      {multiline ? (
        <textarea id={id} rows={8} maxLength={max} aria-describedby={`${id}-hint`} value={value} onInput={(e) => onValue(e.currentTarget.value)} />
      ) : (
        <input id={id} type="text" maxLength={max} aria-describedby={`${id}-hint`} value={value} onInput={(e) => onValue(e.currentTarget.value)} />
      )}
    </div>
  );
}

function Console() {
  const { t } = useI18n();
  const [generation, setGeneration] = useState(0);
  const me = useApi(() => staffCall('campaignMe'), [generation]);
  const appeals = useApi(() => staffCall('campaignAppeals'), [generation]);
  const [form, setForm] = useState({ subjectEn: '', bodyEn: '', subjectEs: '', bodyEs: '' });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>();
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setStatus('');
    const spanish = form.subjectEs.trim() !== '' || form.bodyEs.trim() !== '';
    const r = await staffCall('campaignSubmitAppeal', {
      json: { subjectEn: form.subjectEn, bodyEn: form.bodyEn, ...(spanish ? { subjectEs: form.subjectEs, bodyEs: form.bodyEs } : {}) },
    });
    setBusy(false);
    if (!r.ok) return setError(describeCampaignFailure(t, r));
    setForm({ subjectEn: '', bodyEn: '', subjectEs: '', bodyEs: '' });
    setStatus(t('campaign.console.submitted'));
    setGeneration((g) => g + 1);
  };

  if (me.kind === 'loading') return <Loading />;
  if (me.kind === 'failed') return <ErrorAlert message={describeCampaignFailure(t, me.failure)} />;
  const { committee, voteTitle, quota, approved } = me.value;
  return (
    <>
      <p>{t('campaign.console.who', { name: committee.name, side: t(sideKey(committee.side)), vote: voteTitle })}</p>
      <p>{t('campaign.console.quota', { quota, approved })}</p>
      <p class="hint">{t('campaign.console.no_addresses')}</p>
      <p>
        <a href={`/votes/${committee.voteId}/endorsements`}>{t('campaign.pages.link')}</a>
      </p>
      <section aria-labelledby="new-appeal" class="card">
        <h2 id="new-appeal">{t('campaign.console.new')}</h2>
        <form onSubmit={submit} noValidate>
          <Field id="appeal-subject-en" label={t('campaign.console.subject_en')} value={form.subjectEn} onValue={(subjectEn) => set({ subjectEn })} max={APPEAL_SUBJECT_MAX} />
          <Field id="appeal-body-en" label={t('campaign.console.body_en')} value={form.bodyEn} onValue={(bodyEn) => set({ bodyEn })} max={APPEAL_BODY_MAX} multiline />
          <Field id="appeal-subject-es" label={t('campaign.console.subject_es')} value={form.subjectEs} onValue={(subjectEs) => set({ subjectEs })} max={APPEAL_SUBJECT_MAX} />
          <Field id="appeal-body-es" label={t('campaign.console.body_es')} value={form.bodyEs} onValue={(bodyEs) => set({ bodyEs })} max={APPEAL_BODY_MAX} multiline />
          <button type="submit" disabled={busy}>{t('campaign.console.submit')}</button>
        </form>
        <Status message={status} />
        <ErrorAlert message={error} />
      </section>
      <section aria-labelledby="my-appeals">
        <h2 id="my-appeals">{t('campaign.console.mine')}</h2>
        {appeals.kind === 'failed' ? <ErrorAlert message={describeCampaignFailure(t, appeals.failure)} /> : null}
        {appeals.kind === 'ready' && appeals.value.appeals.length === 0 ? <p>{t('campaign.console.none')}</p> : null}
        {appeals.kind === 'ready' ? (
          <ul class="appeals">
            {appeals.value.appeals.map((a) => (
              <li key={a.id} class="card">
                <AppealSummary appeal={a} headingLevel={3} />
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}

export function CampaignConsolePage() {
  const { t } = useI18n();
  const title = t('campaign.console.title');
  return (
    <StaffGate roles={['campaign']} title={title}>
      {() => (
        <>
          <PageHeading title={title}>{title}</PageHeading>
          <Console />
        </>
      )}
    </StaffGate>
  );
}
