// Administrators: on a draft's page, the vote it follows from ("Follows from: <vote>: failed") and,
// while its key ceremony has not produced a vote, discarding it (the follow-up may then be started
// again from the parent's result page).
import { useState } from 'preact/hooks';
import { outcomeName } from '../public/follow-up-words.ts';
import { useApi } from '../public/use-api.ts';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { navigate } from '../ui/navigation.ts';
import { ErrorAlert } from '../ui/page.tsx';

export function DraftFollowsFrom({ draftId }: { readonly draftId: string }) {
  const { t } = useI18n();
  const links = useApi(() => staffCall('adminFollowUps', { params: { id: draftId } }), [draftId]);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  if (links.kind !== 'ready' || links.value.followsFrom === null) return null;
  const from = links.value.followsFrom;
  const discard = async () => {
    setBusy(true);
    const r = await staffCall('adminDiscardFollowUp', { params: { id: draftId } });
    setBusy(false);
    if (r.ok) navigate(`/votes/${from.parentVoteId}/result`);
    else setError(describeFailure(t, r));
  };
  return (
    <>
      <p class="follows-from" id="follows-from">
        <strong>{t('followups.follows_from')}:</strong>{' '}
        <a href={`/votes/${from.parentVoteId}/result`}>{t('followups.follows_from_text', { title: from.parentVoteId, outcome: outcomeName(from.outcome, t) })}</a>
      </p>
      <ErrorAlert message={error} />
      {from.childStatus === 'draft' ? (
        <p>
          <button type="button" class="secondary" disabled={busy} onClick={() => void discard()}>{t('followups.discard')}</button>
        </p>
      ) : null}
    </>
  );
}
