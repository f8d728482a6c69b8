// The one "are you sure?" card of the staff pages: the question (its id labels the group; a caller
// may focus it through `questionRef`), then confirm and cancel, both disabled while the call runs.
// The caller keeps the state (what is pending, busy) and does the work.
import type { RefObject } from 'preact';
import { useI18n } from '../ui/i18n-context.ts';

export function ConfirmCard({ id, question, confirmLabel, busy, onConfirm, onCancel, questionRef }: {
  readonly id: string;
  readonly question: string;
  readonly confirmLabel?: string | undefined;
  readonly busy: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly questionRef?: RefObject<HTMLParagraphElement | null> | undefined;
}) {
  const { t } = useI18n();
  return (
    <div class="card" role="group" aria-labelledby={id}>
      <p id={id} tabIndex={questionRef === undefined ? undefined : -1} ref={questionRef ?? null}>{question}</p>
      <div class="actions">
        <button type="button" disabled={busy} onClick={onConfirm}>{confirmLabel ?? t('admin.vote.confirm')}</button>
        <button type="button" class="secondary" disabled={busy} onClick={onCancel}>{t('admin.vote.cancel')}</button>
      </div>
    </div>
  );
}
