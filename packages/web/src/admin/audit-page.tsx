// Administrators and observers: the append-only audit log, optionally for one vote, a page at a
// time, in words (audit-words.ts): who, what, which vote, the details; and the whole log as CSV.
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { formatInstant } from '../i18n/i18n.ts';
import { useApi } from '../public/use-api.ts';
import { StaffGate } from '../staff/staff-gate.tsx';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading, Status } from '../ui/page.tsx';
import { saveFile } from '../ui/save-file.ts';
import { type AuditEntry, actionWords, actorWords, auditCsv, detailWords } from './audit-words.ts';

const PAGE = 50;
const EXPORT_PAGE = 1000;

function Export({ voteId }: { readonly voteId: string }) {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(undefined);
    setStatus(t('admin.audit.exporting'));
    const all: AuditEntry[] = [];
    for (let from = 1; ; ) {
      const r = await staffCall('auditLog', { query: { from, limit: EXPORT_PAGE, ...(voteId ? { voteId } : {}) } });
      if (!r.ok) {
        setBusy(false);
        setStatus('');
        return setError(describeFailure(t, r));
      }
      all.push(...r.value.entries);
      if (r.value.entries.length < EXPORT_PAGE) break;
      from = r.value.entries[r.value.entries.length - 1]!.seq + 1;
    }
    saveFile(`ratify-audit-log${voteId ? `-${voteId}` : ''}.csv`, `\uFEFF${auditCsv(t, all, (iso) => formatInstant(iso, lang))}`, 'text/csv;charset=utf-8');
    setBusy(false);
    setStatus(t('admin.audit.exported', { count: all.length }));
  };
  return (
    <>
      <button type="button" class="secondary" disabled={busy} onClick={() => void run()}>{t('admin.audit.export')}</button>
      <ErrorAlert message={error} />
      <Status message={status} />
    </>
  );
}

function Audit({ voteId }: { readonly voteId: string }) {
  const { t, lang } = useI18n();
  const [from, setFrom] = useState(1);
  const log = useApi(() => staffCall('auditLog', { query: { from, limit: PAGE, ...(voteId ? { voteId } : {}) } }), [from, voteId]);
  const vote = useApi(() => (voteId ? api.getVote(voteId) : Promise.resolve({ ok: true as const, value: null })), [voteId]);
  const voteTitle = vote.kind === 'ready' && vote.value !== null ? vote.value.title : voteId;
  const title = voteId ? t('admin.audit.title_vote', { title: voteTitle }) : t('admin.audit.title');
  const entries = log.kind === 'ready' ? log.value.entries : [];
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('admin.audit.intro')}</p>
      <Export voteId={voteId} />
      {log.kind === 'loading' ? <Loading /> : null}
      {log.kind === 'failed' ? <ErrorAlert message={describeFailure(t, log.failure)} /> : null}
      {log.kind === 'ready' && entries.length === 0 ? <p>{t('admin.audit.none')}</p> : null}
      {entries.length > 0 ? (
        <div class="table-scroll" tabIndex={0}>
          <table class="audit">
            <caption>{t('admin.audit.caption', { first: entries[0]!.seq, last: entries[entries.length - 1]!.seq })}</caption>
            <thead><tr><th scope="col">{t('admin.audit.number')}</th><th scope="col">{t('admin.audit.when')}</th><th scope="col">{t('admin.audit.actor')}</th><th scope="col">{t('admin.audit.action')}</th><th scope="col">{t('admin.audit.vote')}</th><th scope="col">{t('admin.audit.details')}</th></tr></thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq} data-action={e.action}>
                  <td>{e.seq}</td>
                  <td>{formatInstant(e.at, lang)}</td>
                  <td class="wrap">{actorWords(t, e.actor)}</td>
                  <td>{actionWords(t, e.action)}</td>
                  <td>{e.voteId === null ? '—' : <a href={`/admin/votes/${e.voteId}`}>{e.voteId}</a>}</td>
                  <td class="wrap">{detailWords(t, e).map((d, i) => <span key={i} class="detail">{d}</span>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div class="actions">
        {from > 1 ? <button type="button" class="secondary" onClick={() => setFrom(Math.max(1, from - PAGE))}>{t('admin.audit.earlier')}</button> : null}
        {entries.length === PAGE ? <button type="button" class="secondary" onClick={() => setFrom(entries[entries.length - 1]!.seq + 1)}>{t('admin.audit.later')}</button> : null}
      </div>
    </>
  );
}

export function AuditPage({ voteId }: { readonly voteId: string }) {
  const { t } = useI18n();
  return <StaffGate roles={['administrator', 'observer']} title={t('admin.audit.title')}>{() => <Audit voteId={voteId} />}</StaffGate>;
}
