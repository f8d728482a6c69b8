// The vote console's mail delivery (administrators): progress of the queue with the time left at
// the configured rate, counts by kind and status in words, and the messages that failed or
// bounced with the reason the mail server gave; and who has voted (never how).
import type { MessageKey } from '../i18n/en.ts';
import { useApi } from '../public/use-api.ts';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert } from '../ui/page.tsx';

const KIND: Readonly<Record<string, MessageKey>> = {
  credential: 'admin.mail.kind_credential',
  credential_replacement: 'admin.mail.kind_credential_replacement',
  reminder: 'admin.mail.kind_reminder',
  result: 'admin.mail.kind_result',
  appeal: 'admin.mail.kind_appeal',
  notice: 'admin.mail.kind_notice',
};
const STATUS: Readonly<Record<string, MessageKey>> = {
  queued: 'admin.mail.status_queued',
  sending: 'admin.mail.status_sending',
  sent: 'admin.mail.status_sent',
  failed: 'admin.mail.status_failed',
  bounced: 'admin.mail.status_bounced',
  cancelled: 'admin.mail.status_cancelled',
};

export function Mail({ voteId, reload }: { readonly voteId: string; readonly reload: number }) {
  const { t } = useI18n();
  const mail = useApi(() => staffCall('adminMailStatus', { params: { id: voteId } }), [voteId, reload], 10_000);
  const kind = (k: string) => (KIND[k] ? t(KIND[k]) : k);
  const status = (s: string) => (STATUS[s] ? t(STATUS[s]) : s);
  const p = mail.kind === 'ready' ? mail.value.progress : null;
  return (
    <section aria-labelledby="mail-heading">
      <h2 id="mail-heading">{t('admin.vote.mail')}</h2>
      {mail.kind === 'failed' ? <ErrorAlert message={describeFailure(t, mail.failure)} /> : null}
      {p !== null && p.total > 0 ? (
        <>
          <label for="mail-progress">{t('admin.mail.progress_label')}</label>
          <progress id="mail-progress" max={p.total} value={p.sent + p.notDelivered} />
          <p data-mail-progress>
            {t('admin.mail.progress', { sent: p.sent, total: p.total })}{' '}
            {p.pending === 0 ? t('admin.mail.all_done') : t('admin.mail.time_left', { pending: p.pending, minutes: p.minutesLeft, rate: p.perMinute })}
          </p>
        </>
      ) : null}
      {mail.kind === 'ready' ? (
        mail.value.counts.length === 0 ? <p>{t('admin.vote.no_mail')}</p> : (
          <div class="table-scroll" tabIndex={0}><table>
            <caption>{t('admin.vote.mail_caption')}</caption>
            <thead><tr><th scope="col">{t('admin.vote.mail_kind')}</th><th scope="col">{t('admin.vote.mail_status')}</th><th scope="col" class="num">{t('admin.vote.mail_count')}</th></tr></thead>
            <tbody>{mail.value.counts.map((c) => <tr key={`${c.kind}/${c.status}`}><td>{kind(c.kind)}</td><td>{status(c.status)}</td><td class="num">{c.count.toLocaleString()}</td></tr>)}</tbody>
          </table></div>
        )
      ) : null}
      {mail.kind === 'ready' && mail.value.problems.length > 0 ? (
        <div class="table-scroll" tabIndex={0}><table>
          <caption>{t('admin.vote.mail_problems')}</caption>
          <thead><tr><th scope="col">{t('admin.roll.member_number')}</th><th scope="col">{t('admin.vote.mail_kind')}</th><th scope="col">{t('admin.roll.reason')}</th></tr></thead>
          <tbody>{mail.value.problems.map((m) => <tr key={m.id}><td>{m.memberNumber ?? '—'}</td><td>{kind(m.kind)}</td><td class="wrap">{status(m.status)}{m.reason ? `: ${m.reason}` : ''}</td></tr>)}</tbody>
        </table></div>
      ) : null}
    </section>
  );
}

export function Voters({ voteId, reload }: { readonly voteId: string; readonly reload: number }) {
  const { t } = useI18n();
  const voters = useApi(() => staffCall('listVoters', { params: { id: voteId } }), [voteId, reload]);
  return (
    <section aria-labelledby="voters-heading">
      <h2 id="voters-heading">{t('admin.vote.voters')}</h2>
      <p class="hint">{t('admin.vote.voters_hint')}</p>
      {voters.kind === 'failed' ? <ErrorAlert message={describeFailure(t, voters.failure)} /> : null}
      {voters.kind === 'ready' ? (
        voters.value.voters.length === 0 ? <p>{t('admin.vote.no_voters')}</p> : (
          <div class="table-scroll" tabIndex={0}>
            <table>
              <caption>{t('admin.vote.voters_caption', { count: voters.value.voters.length })}</caption>
              <thead><tr><th scope="col">{t('admin.roll.member_number')}</th><th scope="col">{t('admin.vote.name')}</th><th scope="col">{t('admin.roll.unit')}</th></tr></thead>
              <tbody>{voters.value.voters.map((v) => <tr key={v.memberNumber}><td>{v.memberNumber}</td><td>{v.name ?? '—'}</td><td>{v.unit ?? '—'}</td></tr>)}</tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}
