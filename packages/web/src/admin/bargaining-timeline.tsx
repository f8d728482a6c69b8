// The contract's timeline on the staff bargaining page: days in words, runs of plain formal
// sessions folded into one line (bargaining-timeline.ts), status changes, and for administrators a
// Remove button on each session shown on its own line.
import { formatDay, formatDayRange } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { type TimelineChange, type TimelineSession, timelineItems } from './bargaining-timeline.ts';

export function Timeline({ sessions, changes, onRemove }: {
  readonly sessions: readonly TimelineSession[];
  readonly changes: readonly TimelineChange[];
  readonly onRemove: ((sessionId: string) => void) | null;
}) {
  const { t, lang } = useI18n();
  const status = (s: string) => t(`bargaining.status.${s}` as MessageKey);
  return (
    <ol class="timeline">
      {timelineItems(sessions, changes).map((i) => {
        if (i.kind === 'formal_run') {
          return (
            <li key={i.key} class="timeline-formal">
              <time dateTime={i.first}>{formatDayRange(i.first, i.last, lang)}</time> — {t('bargaining.formal_run', { count: i.sessions.length })}
            </li>
          );
        }
        if (i.kind === 'status') {
          const e = i.change;
          return (
            <li key={i.key}>
              <time dateTime={e.onDate}>{formatDay(e.onDate, lang)}</time> — {t('bargaining.status_change', { from: status(e.from), to: status(e.to) })}{e.note ? `: ${e.note}` : ''}
            </li>
          );
        }
        const s = i.session;
        return (
          <li key={i.key} class={s.kind === 'formal' ? 'timeline-formal' : ''}>
            <time dateTime={s.date}>{s.endDate ? formatDayRange(s.date, s.endDate, lang) : formatDay(s.date, lang)}</time> —{' '}
            {s.kind === 'formal' ? t('bargaining.session_formal') : t('bargaining.session_informal')}{s.notes ? `: ${s.notes}` : ''}{' '}
            {onRemove !== null ? (
              <button type="button" class="secondary small" onClick={() => onRemove(s.id)}>{t('bargaining.remove_session', { date: formatDay(s.date, lang) })}</button>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
