// Administrators: one draft — what it asks, the key ceremony per trustee (polled), and "create the
// vote" once the ceremony is complete (the roll freezes and the opening and closing are scheduled).
import { useState } from 'preact/hooks';
import type { ResponseOf } from '../api.ts';
import { inferredPurpose } from '@ratify/protocol';
import { formatInstant, type MessageKey } from '../i18n/i18n.ts';
import { useApi } from '../public/use-api.ts';
import { StaffGate } from '../staff/staff-gate.tsx';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { ErrorAlert, Loading, PageHeading, Status } from '../ui/page.tsx';
import { CeremonyTable } from './ceremony-table.tsx';
import { DraftFollowsFrom } from './follow-up-link.tsx';

function Draft({ draftId }: { readonly draftId: string }) {
  const { t, lang } = useI18n();
  const draft = useApi(() => staffCall('getDraft', { params: { id: draftId } }), [draftId]);
  const ceremony = useApi(() => staffCall('adminDraftCeremony', { params: { id: draftId } }), [draftId], 3000);
  const [created, setCreated] = useState<ResponseOf<'createVoteFromDraft'> | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const title = draft.kind === 'ready' ? draft.value.definition.title : t('admin.draft_page.title');

  const createVote = async () => {
    setBusy(true);
    setError(undefined);
    const r = await staffCall('createVoteFromDraft', { params: { id: draftId } });
    setBusy(false);
    if (r.ok) setCreated(r.value);
    else setError(describeFailure(t, r));
  };

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {draft.kind === 'failed' ? <ErrorAlert message={describeFailure(t, draft.failure)} /> : null}
      <DraftFollowsFrom draftId={draftId} />
      {draft.kind === 'ready' ? (
        <dl>
          <dt>{t('admin.draft.vote_id')}</dt><dd class="mono">{draft.value.definition.voteId}</dd>
          <dt>{t('admin.draft.union')}</dt><dd>{draft.value.unionId}</dd>
          <dt>{t('admin.draft.purpose')}</dt>
          <dd>{t(`purpose.${inferredPurpose(draft.value.definition as unknown as Parameters<typeof inferredPurpose>[0])}` as MessageKey)}</dd>
          <dt>{t('admin.draft.opens_at')}</dt><dd>{formatInstant(draft.value.definition.schedule.opensAt, lang)}</dd>
          <dt>{t('admin.draft.closes_at')}</dt><dd>{formatInstant(draft.value.definition.schedule.closesAt, lang)}</dd>
        </dl>
      ) : null}
      <h2>{t('admin.draft_page.ceremony')}</h2>
      {ceremony.kind === 'loading' ? <Loading /> : null}
      {ceremony.kind === 'failed' ? <ErrorAlert message={describeFailure(t, ceremony.failure)} /> : null}
      {ceremony.kind === 'ready' ? <CeremonyTable ceremony={ceremony.value} /> : null}
      <ErrorAlert message={error} />
      {ceremony.kind === 'ready' && ceremony.value.status === 'complete' && !ceremony.value.voteCreated && created === null ? (
        <button type="button" disabled={busy} onClick={() => void createVote()}>{t('admin.draft_page.create_vote')}</button>
      ) : null}
      <Status message={created ? t('admin.draft_page.vote_created', { eligible: created.eligibleCount }) : ''} />
      {created || (ceremony.kind === 'ready' && ceremony.value.voteCreated) ? (
        <p><a class="button" href={`/admin/votes/${draftId}`}>{t('admin.draft_page.go_vote')}</a></p>
      ) : null}
    </>
  );
}

export function DraftPage({ draftId }: { readonly draftId: string }) {
  const { t } = useI18n();
  return <StaffGate roles={['administrator']} title={t('admin.draft_page.title')}>{() => <Draft draftId={draftId} />}</StaffGate>;
}
