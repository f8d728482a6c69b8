// Administrators and observers: the append-only audit log, optionally for one vote, a page at a time.
import { useState } from 'preact/hooks';
import { formatInstant } from '../i18n/i18n.ts';
import { useApi } from '../public/use-api.ts';
import { StaffGate } from '../staff/staff-gate.tsx';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading } from '../ui/page.tsx';

const PAGE = 50;

function Audit({ voteId }: { readonly voteId: string }) {
  const { t, lang } = useI18n();
  const [from, setFrom] = useState(1);
  const log = useApi(() => staffCall('auditLog', { query: { from, limit: PAGE, ...(voteId ? { voteId } : {}) } }), [from, voteId]);
  const title = voteId ? t('admin.audit.title_vote', { id: voteId }) : t('admin.audit.title');
  const entries = log.kind === 'ready' ? log.value.entries : [];
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {log.kind === 'loading' ? <Loading /> : null}
      {log.kind === 'failed' ? <ErrorAlert message={describeFailure(t, log.failure)} /> : null}
      {log.kind === 'ready' && entries.length === 0 ? <p>{t('admin.audit.none')}</p> : null}
      {entries.length > 0 ? (
        <div class="table-scroll" tabIndex={0}>
          <table class="audit">
            <caption>{t('admin.audit.caption', { first: entries[0]!.seq, last: entries[entries.length - 1]!.seq })}</caption>
            <thead><tr><th scope="col">#</th><th scope="col">{t('admin.audit.when')}</th><th scope="col">{t('admin.audit.actor')}</th><th scope="col">{t('admin.audit.action')}</th><th scope="col">{t('admin.audit.vote')}</th></tr></thead>
            <tbody>{entries.map((e) => <tr key={e.seq}><td>{e.seq}</td><td>{formatInstant(e.at, lang)}</td><td class="wrap">{e.actor}</td><td>{e.action}</td><td>{e.voteId ?? '—'}</td></tr>)}</tbody>
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
