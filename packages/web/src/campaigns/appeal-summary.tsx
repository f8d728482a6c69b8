// One appeal as both the committee and the reviewers see it: subject, status, decision, and the
// delivery counts (never addresses). The reviewers' page adds the per-recipient record.
import type { ResponseOf } from '@ratify/server/api';
import { formatInstant } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { sideKey } from './campaign-api.ts';

export type AppealView = ResponseOf<'campaignAppeals'>['appeals'][number];

const STATUS: Readonly<Record<AppealView['status'], MessageKey>> = {
  pending: 'campaign.appeal.status.pending',
  approved: 'campaign.appeal.status.approved',
  rejected: 'campaign.appeal.status.rejected',
};

export function AppealSummary({ appeal, headingLevel }: { readonly appeal: AppealView; readonly headingLevel: 2 | 3 }) {
  const { t, lang } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const d = appeal.delivery;
  return (
    <>
      <Heading>{appeal.subjectEn}</Heading>
      <p>
        <strong>{t(STATUS[appeal.status])}</strong> — {appeal.committeeName} ({t(sideKey(appeal.side))}), {formatInstant(appeal.submittedAt, lang)}
      </p>
      <pre class="appeal-body">{appeal.bodyEn}</pre>
      {appeal.subjectEs !== null ? (
        <>
          <p lang="es"><strong>{appeal.subjectEs}</strong></p>
          <pre class="appeal-body" lang="es">{appeal.bodyEs}</pre>
        </>
      ) : null}
      {appeal.decidedBy !== null && appeal.decidedAt !== null ? (
        <p class="hint">{t('campaign.review.decided', { status: t(STATUS[appeal.status]), who: appeal.decidedBy, at: formatInstant(appeal.decidedAt, lang) })}</p>
      ) : null}
      {appeal.rejectReason !== null ? <p>{t('campaign.appeal.reason', { reason: appeal.rejectReason })}</p> : null}
      {appeal.recipients !== null ? (
        <p class="appeal-counts">{t('campaign.appeal.counts', { recipients: appeal.recipients, sent: d.sent, queued: d.queued + d.sending, failed: d.failed, bounced: d.bounced })}</p>
      ) : null}
    </>
  );
}
