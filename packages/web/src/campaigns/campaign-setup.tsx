// Administrators: set up a vote's campaigns — the committees (a staff account of role campaign per
// side; the administrator hands over the password) and endorsement pages for either side. Both
// actions are audited by the server.
import { useState } from 'preact/hooks';
import { PAGE_STATEMENT_MAX, PAGE_TITLE_MAX } from '@ratify/server/api';
import { useApi } from '../public/use-api.ts';
import { staffCall } from '../staff/staff-api.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Status } from '../ui/page.tsx';
import { type Side, describeCampaignFailure, sideKey } from './campaign-api.ts';

function SidePicker({ id, value, onValue }: { readonly id: string; readonly value: Side; readonly onValue: (s: Side) => void }) {
  const { t } = useI18n();
  return (
    <div class="field">
      <label for={id}>{t('campaign.setup.side')}</label>
      <select id={id} value={value} onChange={(e) => onValue(e.currentTarget.value === 'against' ? 'against' : 'for')}>
        <option value="for">{t('campaign.side.for')}</option>
        <option value="against">{t('campaign.side.against')}</option>
      </select>
    </div>
  );
}

function Input({ id, label, value, onValue, type = 'text', max, multiline }: { readonly id: string; readonly label: string; readonly value: string; readonly onValue: (v: string) => void; readonly type?: 'text' | 'password'; readonly max: number; readonly multiline?: boolean }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea id={id} rows={4} maxLength={max} value={value} onInput={(e) => onValue(e.currentTarget.value)} />
      ) : (
        type === 'password' ? (
          <input id={id} type="password" maxLength={max} autocomplete="new-password" value={value} onInput={(e) => onValue(e.currentTarget.value)} />
        ) : (
          <input id={id} type="text" maxLength={max} autocomplete="off" value={value} onInput={(e) => onValue(e.currentTarget.value)} />
        )
      )}
    </div>
  );
}

export function CampaignSetup({ voteId }: { readonly voteId: string }) {
  const { t } = useI18n();
  const [generation, setGeneration] = useState(0);
  const committees = useApi(() => staffCall('adminCommittees', { params: { id: voteId } }), [voteId, generation]);
  const [committee, setCommittee] = useState({ side: 'for' as Side, name: '', username: '', password: '' });
  const [page, setPage] = useState({ side: 'for' as Side, title: '', statement: '' });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>();

  const run = async (action: () => Promise<{ ok: boolean } & ({ ok: true } | { ok: false; code: string; message: string })>, done: string, reset: () => void) => {
    setBusy(true);
    setError(undefined);
    setStatus('');
    const r = await action();
    setBusy(false);
    if (!r.ok) return setError(describeCampaignFailure(t, r));
    reset();
    setStatus(done);
    setGeneration((g) => g + 1);
  };

  return (
    <section aria-labelledby="campaign-setup" class="card">
      <h2 id="campaign-setup">{t('campaign.setup.title')}</h2>
      <h3>{t('campaign.setup.committees')}</h3>
      {committees.kind === 'ready' && committees.value.committees.length > 0 ? (
        <ul>
          {committees.value.committees.map((c) => <li key={c.username}>{c.name} — {t(sideKey(c.side))} ({c.username})</li>)}
        </ul>
      ) : null}
      <form noValidate onSubmit={(e) => {
          e.preventDefault();
          void run(() => staffCall('adminCreateCommittee', { params: { id: voteId }, json: committee }), t('campaign.setup.committee_created'), () => setCommittee({ side: 'for', name: '', username: '', password: '' }));
        }}>
        <SidePicker id="committee-side" value={committee.side} onValue={(side) => setCommittee({ ...committee, side })} />
        <Input id="committee-name" label={t('campaign.setup.committee_name')} value={committee.name} onValue={(name) => setCommittee({ ...committee, name })} max={120} />
        <Input id="committee-username" label={t('campaign.setup.username')} value={committee.username} onValue={(username) => setCommittee({ ...committee, username })} max={64} />
        <Input id="committee-password" type="password" label={t('campaign.setup.password')} value={committee.password} onValue={(password) => setCommittee({ ...committee, password })} max={1024} />
        <button type="submit" disabled={busy}>{t('campaign.setup.create_committee')}</button>
      </form>
      <h3>{t('campaign.setup.pages')}</h3>
      <form noValidate onSubmit={(e) => {
          e.preventDefault();
          void run(() => staffCall('adminCreateEndorsementPage', { params: { id: voteId }, json: page }), t('campaign.setup.page_created'), () => setPage({ side: 'for', title: '', statement: '' }));
        }}>
        <SidePicker id="page-side" value={page.side} onValue={(side) => setPage({ ...page, side })} />
        <Input id="page-title" label={t('campaign.setup.page_title')} value={page.title} onValue={(title) => setPage({ ...page, title })} max={PAGE_TITLE_MAX} />
        <Input id="page-statement" label={t('campaign.setup.page_statement')} value={page.statement} onValue={(statement) => setPage({ ...page, statement })} max={PAGE_STATEMENT_MAX} multiline />
        <button type="submit" disabled={busy}>{t('campaign.setup.create_page')}</button>
      </form>
      <Status message={status} />
      <ErrorAlert message={error} />
    </section>
  );
}
