// One vote's console. Administrators and observers: the turnout dashboard (eligible, voted, turnout
// over time, per unit; counts only, polled) and the follow-ups (what follows each outcome, what the
// result triggered, the vote this one follows from). Administrators also: open or close now, issue
// the credentials by email, send reminders, announce the published result by email, start a
// triggered follow-up vote, the mail delivery counts and problems, and who has voted (never how).
// Each action asks for a second click before it runs.
import { useState } from 'preact/hooks';
import { formatPercent } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/en.ts';
import { StatusBadge } from '../public/status-badge.tsx';
import { useApi } from '../public/use-api.ts';
import { StaffGate } from '../staff/staff-gate.tsx';
import { type StaffIdentity, staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading, Status } from '../ui/page.tsx';
import { TurnoutChart } from './turnout-chart.tsx';
import { ConsoleFollowUps } from './vote-console-follow-ups.tsx';
import { ConfirmCard } from './confirm-card.tsx';

type Action = 'adminOpen' | 'adminClose' | 'adminIssueCredentials' | 'adminSendReminders' | 'adminAnnounceResult';
const ACTIONS: readonly { readonly name: Action; readonly label: MessageKey; readonly confirm: MessageKey }[] = [
  { name: 'adminIssueCredentials', label: 'admin.vote.issue', confirm: 'admin.vote.issue_confirm' },
  { name: 'adminOpen', label: 'admin.vote.open', confirm: 'admin.vote.open_confirm' },
  { name: 'adminSendReminders', label: 'admin.vote.remind', confirm: 'admin.vote.remind_confirm' },
  { name: 'adminClose', label: 'admin.vote.close', confirm: 'admin.vote.close_confirm' },
  { name: 'adminAnnounceResult', label: 'admin.vote.announce', confirm: 'admin.vote.announce_confirm' },
];

function AdminActions({ voteId, onDone }: { readonly voteId: string; readonly onDone: () => void }) {
  const { t } = useI18n();
  const [pending, setPending] = useState<Action | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const run = async (name: Action) => {
    setBusy(true);
    setError(undefined);
    const r = await staffCall(name, { params: { id: voteId } });
    setBusy(false);
    setPending(null);
    if (!r.ok) {
      setError(describeFailure(t, r));
      return;
    }
    const v = r.value as Record<string, unknown>;
    setStatus(
      name === 'adminIssueCredentials' ? t('admin.vote.issued', { issued: Number(v['issued']), queued: Number(v['queued']) })
        : name === 'adminSendReminders' ? t('admin.vote.reminded', { queued: Number(v['queued']) })
          : name === 'adminAnnounceResult' ? t('admin.vote.announced', { queued: Number(v['queued']) })
          : name === 'adminOpen' ? t('admin.vote.opened') : t('admin.vote.closed', { counted: Number(v['ballotsCounted']) }),
    );
    onDone();
  };
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('admin.vote.actions')}</h2>
      <ErrorAlert message={error} />
      {pending ? (
        <ConfirmCard id="confirm-text" question={t(ACTIONS.find((a) => a.name === pending)!.confirm)} busy={busy} onConfirm={() => void run(pending)} onCancel={() => setPending(null)} />
      ) : (
        <div class="actions">
          {ACTIONS.map((a) => <button key={a.name} type="button" class="secondary" onClick={() => setPending(a.name)}>{t(a.label)}</button>)}
        </div>
      )}
      <Status message={status} />
    </section>
  );
}

function Mail({ voteId, reload }: { readonly voteId: string; readonly reload: number }) {
  const { t } = useI18n();
  const mail = useApi(() => staffCall('adminMailStatus', { params: { id: voteId } }), [voteId, reload], 10_000);
  return (
    <section aria-labelledby="mail-heading">
      <h2 id="mail-heading">{t('admin.vote.mail')}</h2>
      {mail.kind === 'failed' ? <ErrorAlert message={describeFailure(t, mail.failure)} /> : null}
      {mail.kind === 'ready' ? (
        mail.value.counts.length === 0 ? <p>{t('admin.vote.no_mail')}</p> : (
          <div class="table-scroll" tabIndex={0}><table>
            <caption>{t('admin.vote.mail_caption')}</caption>
            <thead><tr><th scope="col">{t('admin.vote.mail_kind')}</th><th scope="col">{t('admin.vote.mail_status')}</th><th scope="col">{t('admin.vote.mail_count')}</th></tr></thead>
            <tbody>{mail.value.counts.map((c) => <tr key={`${c.kind}/${c.status}`}><td>{c.kind}</td><td>{c.status}</td><td>{c.count}</td></tr>)}</tbody>
          </table></div>
        )
      ) : null}
      {mail.kind === 'ready' && mail.value.problems.length > 0 ? (
        <div class="table-scroll" tabIndex={0}><table>
          <caption>{t('admin.vote.mail_problems')}</caption>
          <thead><tr><th scope="col">{t('admin.roll.member_number')}</th><th scope="col">{t('admin.vote.mail_kind')}</th><th scope="col">{t('admin.roll.reason')}</th></tr></thead>
          <tbody>{mail.value.problems.map((p) => <tr key={p.id}><td>{p.memberNumber ?? '—'}</td><td>{p.kind}</td><td>{p.reason ?? p.status}</td></tr>)}</tbody>
        </table></div>
      ) : null}
    </section>
  );
}

function Voters({ voteId, reload }: { readonly voteId: string; readonly reload: number }) {
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

function Console({ voteId, me }: { readonly voteId: string; readonly me: StaffIdentity }) {
  const { t, lang } = useI18n();
  const [reload, setReload] = useState(0);
  const dash = useApi(() => staffCall('turnoutDashboard', { params: { id: voteId } }), [voteId, reload], 10_000);
  const title = dash.kind === 'ready' ? t('admin.vote.title', { union: dash.value.union.name, id: voteId }) : t('admin.vote.title_plain');
  const isAdmin = me.role === 'administrator';
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {dash.kind === 'loading' ? <Loading /> : null}
      {dash.kind === 'failed' ? <ErrorAlert message={describeFailure(t, dash.failure)} /> : null}
      {dash.kind === 'ready' ? (
        <section aria-labelledby="turnout-heading">
          <p><StatusBadge status={dash.value.status} /></p>
          <h2 id="turnout-heading">{t('admin.turnout.heading')}</h2>
          <p class="outcome" data-turnout={`${dash.value.voted}/${dash.value.eligible}`}>
            {t('admin.turnout.summary', { voted: dash.value.voted, eligible: dash.value.eligible, percent: formatPercent(dash.value.voted, dash.value.eligible, lang) })}
          </p>
          <TurnoutChart points={dash.value.hourly} eligible={dash.value.eligible} />
          <div class="table-scroll" tabIndex={0}><table>
            <caption>{t('admin.turnout.units_caption')}</caption>
            <thead><tr><th scope="col">{t('admin.roll.unit')}</th><th scope="col">{t('admin.unions.eligible')}</th><th scope="col">{t('admin.turnout.voted')}</th><th scope="col">{t('admin.turnout.percent')}</th></tr></thead>
            <tbody>{dash.value.units.map((u) => <tr key={u.unit ?? ''}><td>{u.unit ?? t('admin.roll.no_unit')}</td><td>{u.eligible}</td><td>{u.voted}</td><td>{formatPercent(u.voted, u.eligible, lang)}</td></tr>)}</tbody>
          </table></div>
        </section>
      ) : null}
      {isAdmin ? <AdminActions voteId={voteId} onDone={() => setReload((n) => n + 1)} /> : null}
      <ConsoleFollowUps voteId={voteId} admin={isAdmin} />
      {isAdmin ? <Mail voteId={voteId} reload={reload} /> : null}
      {isAdmin ? <Voters voteId={voteId} reload={reload} /> : null}
      <p class="page-links">
        <a href={`/admin/audit?vote=${voteId}`}>{t('admin.vote.audit_link')}</a>
        {isAdmin ? <a href={`/admin/votes/${voteId}/roll`}>{t('admin.amend.link')}</a> : null}
        <a href={`/admin/votes/${voteId}/appeals`}>{t('campaign.review.link')}</a>
        <a href={`/votes/${voteId}/result`}>{t('admin.vote.result_link')}</a>
      </p>
    </>
  );
}

export function VoteConsolePage({ voteId }: { readonly voteId: string }) {
  const { t } = useI18n();
  return <StaffGate roles={['administrator', 'observer']} title={t('admin.vote.title_plain')}>{(me) => <Console voteId={voteId} me={me} />}</StaffGate>;
}
