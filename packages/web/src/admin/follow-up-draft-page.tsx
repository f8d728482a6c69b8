// Administrators: start a published vote's triggered vote follow-up. The form is pre-filled from
// the signed template (title, questions and rules, revote policy), the parent's union and, if the
// parent was drafted here, its trustees; the questions are shown, not edited (members were told
// before voting what a failure sets off). The administrator sets the vote id, record date, schedule
// and trustees; the server checks it like any draft and links it to the parent.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApi } from '../public/use-api.ts';
import { outcomeName, type Declared } from '../public/follow-up-words.ts';
import { useFollowUps } from '../public/follow-ups.tsx';
import { StaffGate } from '../staff/staff-gate.tsx';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { navigate } from '../ui/navigation.ts';
import { ErrorAlert, Loading, PageHeading, Status } from '../ui/page.tsx';
import type { DraftForm, FieldIssue } from './draft-definition.ts';
import { followUpDefinition, followUpDraftForm } from './follow-up-form.ts';
import { DraftProblems, InformationGroup } from './information-group.tsx';
import { TrusteesGroup } from './trustees-group.tsx';
import { Group, TextField } from './form-fields.tsx';

type Parent = { readonly voteId: string; readonly title: string; readonly unionId: string };

function Form({ parent, declared, outcome, initial }: { readonly parent: Parent; readonly declared: Declared; readonly outcome: string; readonly initial: DraftForm }) {
  const { t, lang } = useI18n();
  const template = declared.template!;
  const [f, setF] = useState<DraftForm>(initial);
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<DraftForm>) => setF((old) => ({ ...old, ...patch }));
  const common = { issues };

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    setStatus(t('admin.draft.checking'));
    const definition = followUpDefinition(f, template, parent.unionId);
    const checked = await staffCall('validateDraft', { json: definition });
    if (checked.ok && !checked.value.valid) {
      setIssues(checked.value.issues);
      setBusy(false);
      setStatus('');
      requestAnimationFrame(() => document.getElementById('draft-problems')?.focus());
      return;
    }
    const started = await staffCall('adminStartFollowUp', { params: { id: parent.voteId }, json: { questionId: declared.questionId, definition } });
    setBusy(false);
    setStatus('');
    if (!started.ok) {
      setError(started.code === 'invalid_request' || started.code.startsWith('follow_up') ? started.message : describeFailure(t, started));
      return;
    }
    navigate(`/admin/drafts/${started.value.draft.id}`);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p>{t('followups.page.intro', { title: parent.title, outcome: outcomeName(outcome, t) })}</p>
      <DraftProblems issues={issues} />
      <ErrorAlert message={error} />
      <Group legend={t('admin.draft.about')}>
        <TextField id="d-title" label={t('admin.draft.title_label')} path="title" value={f.title} onValue={(title) => set({ title })} {...common} />
        <TextField id="d-vote-id" label={t('admin.draft.vote_id')} hint={t('admin.draft.vote_id_hint')} path="voteId" value={f.voteId} onValue={(voteId) => set({ voteId })} {...common} />
        <TextField id="d-record-date" type="date" label={t('admin.draft.record_date')} hint={t('admin.draft.record_date_hint')} path="recordDate" value={f.recordDate} onValue={(recordDate) => set({ recordDate })} {...common} />
        <TextField id="d-opens" type="datetime-local" label={t('admin.draft.opens_at')} path="schedule.opensAt" value={f.opensAt} onValue={(opensAt) => set({ opensAt })} {...common} />
        <TextField id="d-closes" type="datetime-local" label={t('admin.draft.closes_at')} path="schedule.closesAt" value={f.closesAt} onValue={(closesAt) => set({ closesAt })} {...common} />
      </Group>
      <section aria-labelledby="template-heading" class="card" id="follow-up-template">
        <h2 id="template-heading">{t('followups.page.questions')}</h2>
        <ol>
          {template.questions.map((q, i) => (
            <li key={q.id}>
              <p>{q.text}</p>
              <p class="hint">{lang === 'es' ? template.rules[i]?.es : template.rules[i]?.en}</p>
            </li>
          ))}
        </ol>
      </section>
      <InformationGroup f={f} set={set} issues={issues} />
      <TrusteesGroup f={f} set={set} issues={issues} />
      <button type="submit" disabled={busy}>{t('followups.page.save')}</button>
      <Status message={status} />
    </form>
  );
}

function Body({ voteId, questionId }: { readonly voteId: string; readonly questionId: string }) {
  const { t } = useI18n();
  const detail = useApi(() => api.getVote(voteId), [voteId]);
  const followUps = useFollowUps(voteId);
  // The parent's draft (if it was drafted here) lends its trustees; a 404 just means none.
  const parentDraft = useApi(() => staffCall('getDraft', { params: { id: voteId } }), [voteId]);
  const [initial, setInitial] = useState<DraftForm | null>(null);
  const triggered = followUps.kind === 'ready' ? followUps.value.triggered?.find((x) => x.questionId === questionId) : undefined;
  const declared = followUps.kind === 'ready' && triggered ? followUps.value.declared.find((d) => d.questionId === questionId && d.outcome === triggered.declared) : undefined;
  const ready = detail.kind === 'ready' && followUps.kind === 'ready' && parentDraft.kind !== 'loading';
  useEffect(() => {
    if (!ready || initial !== null || declared?.template === undefined || detail.kind !== 'ready') return;
    setInitial(followUpDraftForm(declared.template, detail.value.unionId, parentDraft.kind === 'ready' ? parentDraft.value.definition : undefined));
  }, [ready, declared]);
  if (detail.kind === 'failed') return <ErrorAlert message={describeFailure(t, detail.failure)} />;
  if (followUps.kind === 'failed') return <ErrorAlert message={describeFailure(t, followUps.failure)} />;
  if (!ready) return <Loading />;
  if (declared?.template === undefined || triggered === undefined) return <p role="status">{t('followups.page.unavailable')}</p>;
  if (initial === null) return <Loading />;
  const parent = { voteId, title: detail.value.title, unionId: detail.value.unionId };
  return <Form parent={parent} declared={declared} outcome={triggered.outcome} initial={initial} />;
}

export function FollowUpDraftPage({ voteId, questionId }: { readonly voteId: string; readonly questionId: string }) {
  const { t } = useI18n();
  const title = t('followups.page.title');
  return (
    <StaffGate roles={['administrator']} title={title}>
      {() => (
        <>
          <PageHeading title={title}>{title}</PageHeading>
          <Body voteId={voteId} questionId={questionId} />
        </>
      )}
    </StaffGate>
  );
}
