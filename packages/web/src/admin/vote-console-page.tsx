// One vote's console. Administrators and observers: the turnout dashboard (counted ballots against
// the eligible roll, ballots over time, per unit; counts only, polled), the reconciliation of
// members marked as voted with ballots counted, and the follow-ups. Administrators also: the
// actions the vote's state allows (vote-console-actions.tsx), the mail delivery with its progress,
// and who has voted (never how).
import { useRef, useState } from 'preact/hooks';
import { formatPercent } from '../i18n/i18n.ts';
import type { ResponseOf } from '../api.ts';
import { StatusBadge } from '../public/status-badge.tsx';
import { useApi } from '../public/use-api.ts';
import { StaffGate } from '../staff/staff-gate.tsx';
import { type StaffIdentity, staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading } from '../ui/page.tsx';
import { TurnoutChart } from './turnout-chart.tsx';
import { ConsoleFollowUps } from './vote-console-follow-ups.tsx';
import { AdminActions } from './vote-console-actions.tsx';
import { reconciliation } from './vote-console-actions.ts';
import { Mail, Voters } from './vote-console-mail.tsx';

function Turnout({ dash }: { readonly dash: ResponseOf<'turnoutDashboard'> }) {
  const { t, lang } = useI18n();
  const rec = reconciliation(dash);
  return (
    <section aria-labelledby="turnout-heading">
      <p><StatusBadge status={dash.status} /></p>
      <h2 id="turnout-heading">{t('admin.turnout.heading')}</h2>
      <p class="outcome" data-turnout={`${dash.ballotsCounted}/${dash.eligible}`}>
        {t('admin.turnout.summary', { voted: dash.ballotsCounted, eligible: dash.eligible, percent: formatPercent(dash.ballotsCounted, dash.eligible, lang) })}
      </p>
      {rec.agree ? (
        <p class="hint" data-reconciliation="agree">{t('admin.turnout.reconciled', { count: rec.counted })}</p>
      ) : (
        <p class="warning" role="note" data-reconciliation="differ">{t('admin.turnout.not_reconciled', { marked: rec.marked, counted: rec.counted })}</p>
      )}
      <TurnoutChart points={dash.hourly} eligible={dash.eligible} />
      <div class="table-scroll" tabIndex={0}><table>
        <caption>{t('admin.turnout.units_caption')}</caption>
        <thead><tr><th scope="col">{t('admin.roll.unit')}</th><th scope="col" class="num">{t('admin.unions.eligible')}</th><th scope="col" class="num">{t('admin.turnout.voted')}</th><th scope="col" class="num">{t('admin.turnout.percent')}</th></tr></thead>
        <tbody>{dash.units.map((u) => <tr key={u.unit ?? ''}><td>{u.unit ?? t('admin.roll.no_unit')}</td><td class="num">{u.eligible.toLocaleString(lang)}</td><td class="num">{u.voted.toLocaleString(lang)}</td><td class="num">{formatPercent(u.voted, u.eligible, lang)}</td></tr>)}</tbody>
      </table></div>
    </section>
  );
}

function Console({ voteId, me }: { readonly voteId: string; readonly me: StaffIdentity }) {
  const { t, lang } = useI18n();
  const [reload, setReload] = useState(0);
  const dash = useApi(() => staffCall('turnoutDashboard', { params: { id: voteId } }), [voteId, reload], 10_000);
  // While it reloads after an action, the last figures stay (so the action's status line stays too).
  const last = useRef<ResponseOf<'turnoutDashboard'> | null>(null);
  if (dash.kind === 'ready') last.current = dash.value;
  const shown = last.current;
  const title = shown !== null ? t('admin.vote.title', { union: shown.union.name, title: shown.title }) : t('admin.vote.title_plain');
  const isAdmin = me.role === 'administrator';
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {dash.kind === 'loading' && shown === null ? <Loading /> : null}
      {dash.kind === 'failed' ? <ErrorAlert message={describeFailure(t, dash.failure)} /> : null}
      <div class="console-grid">
        <div>
          {shown !== null ? <Turnout dash={shown} /> : null}
          <ConsoleFollowUps voteId={voteId} admin={isAdmin} />
        </div>
        <div>
          {isAdmin && shown !== null ? <AdminActions dash={shown} onDone={() => setReload((n) => n + 1)} /> : null}
          {isAdmin ? <Mail voteId={voteId} reload={reload} /> : null}
          {isAdmin ? <Voters voteId={voteId} reload={reload} /> : null}
        </div>
      </div>
      <p class="page-links">
        <a href={`/admin/audit?vote=${voteId}`}>{t('admin.vote.audit_link')}</a>
        {isAdmin ? <a href={`/admin/votes/${voteId}/roll`}>{t('admin.amend.link')}</a> : null}
        <a href={`/admin/votes/${voteId}/appeals`}>{t('campaign.review.link')}</a>
        <a href={`/votes/${voteId}/result`}>{t('admin.vote.result_link')}</a>
        {shown?.status === 'published' ? (
          <a id="console-report-link" href={`/api/votes/${voteId}/report.pdf?lang=${lang}`} download>{t('admin.vote.report_link')}</a>
        ) : null}
      </p>
    </>
  );
}

export function VoteConsolePage({ voteId }: { readonly voteId: string }) {
  const { t } = useI18n();
  return <StaffGate roles={['administrator', 'observer']} title={t('admin.vote.title_plain')}>{(me) => <Console voteId={voteId} me={me} />}</StaffGate>;
}
