// Who has done each step of a key ceremony: one row per trustee, each step in words (never a mark
// alone), and the ceremony's status in words; then the complaints, each with its answer. Shared by
// the administrator's and the trustees' pages.
import type { ResponseOf } from '../api.ts';
import type { MessageKey } from '../i18n/en.ts';
import { complaintRows } from '../trustee/complaints.ts';
import { useI18n } from '../ui/i18n-context.ts';

type Ceremony = ResponseOf<'adminDraftCeremony'>;

const STATUS: Readonly<Record<string, MessageKey>> = {
  awaiting_commitments: 'ceremony.status.awaiting_commitments',
  awaiting_shares: 'ceremony.status.awaiting_shares',
  awaiting_reveals: 'ceremony.status.awaiting_reveals',
  awaiting_confirmations: 'ceremony.status.awaiting_confirmations',
  complete: 'ceremony.status.complete',
  failed: 'ceremony.status.failed',
};

export function ceremonyStatusText(t: (k: MessageKey) => string, status: string): string {
  const key = STATUS[status];
  return key ? t(key) : status;
}

export function CeremonyTable({ ceremony }: { readonly ceremony: Ceremony }) {
  const { t } = useI18n();
  const step = (done: boolean) => <td class={done ? 'done' : ''}>{done ? t('ceremony.done') : t('ceremony.waiting')}</td>;
  return (
    <>
      <p>
        <strong>{t('ceremony.status_label')}</strong> <span data-ceremony-status={ceremony.status}>{ceremonyStatusText(t, ceremony.status)}</span>{' '}
        {t('ceremony.k_of_n', { k: ceremony.threshold, n: ceremony.trusteeCount })}
      </p>
      {ceremony.problems.length > 0 ? (
        <ul class="alert">{ceremony.problems.map((p, i) => <li key={i}>{t('ceremony.problem', { trustee: p.trustee, message: p.message })}</li>)}</ul>
      ) : null}
      <div class="table-scroll" tabIndex={0}>
        <table class="ceremony">
          <caption>{t('ceremony.caption')}</caption>
          <thead>
            <tr><th scope="col">{t('ceremony.trustee')}</th><th scope="col">{t('ceremony.commitments')}</th><th scope="col">{t('ceremony.shares')}</th><th scope="col">{t('ceremony.confirmation')}</th></tr>
          </thead>
          <tbody>
            {ceremony.trustees.map((tr) => (
              <tr key={tr.index}>
                <th scope="row">
                  {tr.name}
                  {tr.account ? <span class="hint"> ({tr.account})</span> : null}
                  {ceremony.you === tr.index ? <span class="hint"> — {t('ceremony.you')}</span> : null}
                </th>
                {step(tr.commitments)}
                {step(tr.shares)}
                {step(tr.confirmation)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ComplaintsTable ceremony={ceremony} />
    </>
  );
}

function ComplaintsTable({ ceremony }: { readonly ceremony: Ceremony }) {
  const { t } = useI18n();
  const rows = complaintRows(ceremony);
  if (rows.length === 0) return null;
  return (
    <div class="table-scroll" tabIndex={0}>
      <table class="complaints">
        <caption>{t('ceremony.complaints_caption')}</caption>
        <thead>
          <tr><th scope="col">{t('ceremony.complaint_from')}</th><th scope="col">{t('ceremony.complaint_against')}</th><th scope="col">{t('ceremony.complaint_answer')}</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.accuser}/${r.accused}`} data-answered={r.answered ? 'yes' : 'no'}>
              <td>{r.accuserName}</td>
              <td>{r.accusedName}</td>
              <td class={r.answered ? 'done' : ''}>{r.answered ? t('ceremony.complaint_answered') : t('ceremony.complaint_pending', { accused: r.accusedName })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
