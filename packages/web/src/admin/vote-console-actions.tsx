// The vote console's actions, offered by the vote's state (vote-console-actions.ts), each after a
// second click; a second reminder run says when the last one was queued and to how many members.
import { useState } from 'preact/hooks';
import { formatInstant } from '../i18n/i18n.ts';
import type { ResponseOf } from '../api.ts';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Status } from '../ui/page.tsx';
import { ConfirmCard } from './confirm-card.tsx';
import { ACTION_WORDS, type ConsoleAction, actionsFor, stateNote } from './vote-console-actions.ts';

type Dashboard = ResponseOf<'turnoutDashboard'>;

export function AdminActions({ dash, onDone }: { readonly dash: Dashboard; readonly onDone: () => void }) {
  const { t, lang } = useI18n();
  const [pending, setPending] = useState<ConsoleAction | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const voteId = dash.voteId;
  const again = dash.reminders.last !== null;
  const run = async (name: ConsoleAction) => {
    setBusy(true);
    setError(undefined);
    const params = { params: { id: voteId } };
    const r = name === 'adminSendReminders' ? await staffCall(name, { ...params, json: { again } }) : await staffCall(name, params);
    setBusy(false);
    setPending(null);
    if (!r.ok) {
      setError(describeFailure(t, r));
      onDone();
      return;
    }
    const v = r.value as Record<string, unknown>;
    const n = (k: string) => Number(v[k]);
    setStatus(
      name === 'adminIssueCredentials' ? t('admin.vote.issued', { issued: n('issued'), queued: n('queued') })
        : name === 'adminSendReminders' ? t('admin.vote.reminded', { queued: n('queued') })
          : name === 'adminAnnounceResult' ? t('admin.vote.announced', { queued: n('queued') })
            : name === 'adminOpen' ? t('admin.vote.opened') : t('admin.vote.closed', { counted: n('ballotsCounted') }),
    );
    onDone();
  };
  const question = (name: ConsoleAction) =>
    name === 'adminSendReminders' && again
      ? t('admin.vote.remind_again_confirm', { when: formatInstant(dash.reminders.last!, lang), count: dash.reminders.lastCount })
      : t(ACTION_WORDS[name].confirm);
  const actions = actionsFor(dash);
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('admin.vote.actions')}</h2>
      <p>{t(stateNote(dash), { opens: formatInstant(dash.schedule.opensAt, lang), closes: formatInstant(dash.schedule.closesAt, lang) })}</p>
      {dash.reminders.last !== null ? <p class="hint" data-last-reminder>{t('admin.vote.last_reminder', { when: formatInstant(dash.reminders.last, lang), count: dash.reminders.lastCount })}</p> : null}
      <ErrorAlert message={error} />
      {pending ? (
        <ConfirmCard id="confirm-text" question={question(pending)} busy={busy} onConfirm={() => void run(pending)} onCancel={() => setPending(null)} />
      ) : actions.length > 0 ? (
        <div class="actions">
          {actions.map((a) => <button key={a} type="button" class="secondary" onClick={() => setPending(a)}>{t(a === 'adminSendReminders' && again ? 'admin.vote.remind_again' : ACTION_WORDS[a].label)}</button>)}
        </div>
      ) : null}
      <Status message={status} />
    </section>
  );
}
