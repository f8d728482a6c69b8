// Administrators: write a vote as a draft — questions (yes/no with a ratification or supermajority
// rule, floors and blank policy; or choose k of n), schedule, revote policy, the offer summary and
// the for/against statements, and the trustees (k of n, each with their staff username). The server's
// validate route checks it (nothing saved) and its problems appear next to their fields and in a
// summary; a clean form is saved and the trustees' ceremony can start.
import { useState } from 'preact/hooks';
import { useApi } from '../public/use-api.ts';
import { StaffGate } from '../staff/staff-gate.tsx';
import { staffCall } from '../staff/staff-api.ts';
import { describeFailure } from '../ui/errors.ts';
import { useI18n } from '../ui/i18n-context.ts';
import { navigate } from '../ui/navigation.ts';
import { ErrorAlert, PageHeading, Status } from '../ui/page.tsx';
import { type DraftForm, type FieldIssue, type QuestionForm, newDraftForm, newQuestion, toDraftDefinition } from './draft-definition.ts';
import { DraftProblems, InformationGroup } from './information-group.tsx';
import { missingFields } from './draft-issue-words.ts';
import { TrusteesGroup } from './trustees-group.tsx';
import { Group, SelectField, TextField } from './form-fields.tsx';
import { FollowUpsEditor } from './follow-ups-editor.tsx';
import { QuestionFields } from './question-fields.tsx';

function DraftFormBody() {
  const { t } = useI18n();
  const unions = useApi(() => staffCall('listUnions'), []);
  const offers = useApi(() => staffCall('listOffers'), []);
  const [f, setF] = useState<DraftForm>(newDraftForm);
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<DraftForm>) => setF((old) => ({ ...old, ...patch }));
  const setQuestion = (i: number, q: QuestionForm) => set({ questions: f.questions.map((x, n) => (n === i ? q : x)) });
  const offerEntries = offers.kind === 'ready' ? offers.value.offers.filter((o) => o.offer.kind !== 'proposal') : [];
  const offerOptions: (readonly [string, string])[] = [['', t('draft.offer_none')], ...offerEntries.map((o) => [o.offer.id, o.offer.title] as const)];
  const chooseOffer = (id: string) => {
    const o = offerEntries.find((x) => x.offer.id === id);
    set({ offer: o === undefined ? undefined : { id: o.offer.id, title: o.offer.title, digest: o.digest } });
  };
  const unionOptions: (readonly [string, string])[] = [['', t('admin.draft.union_choose')], ...(unions.kind === 'ready' ? unions.value.unions.map((u) => [u.id, u.name] as const) : [])];

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    // Every empty required field at once, before anything is sent.
    const missing = missingFields(f);
    if (missing.length > 0) {
      setIssues(missing);
      requestAnimationFrame(() => document.getElementById('draft-problems')?.focus());
      return;
    }
    setBusy(true);
    setStatus(t('admin.draft.checking'));
    const definition = toDraftDefinition(f);
    const checked = await staffCall('validateDraft', { json: definition });
    if (!checked.ok) {
      setBusy(false);
      setStatus('');
      setError(describeFailure(t, checked));
      return;
    }
    setIssues(checked.value.issues);
    if (!checked.value.valid) {
      setBusy(false);
      setStatus('');
      requestAnimationFrame(() => document.getElementById('draft-problems')?.focus());
      return;
    }
    const created = await staffCall('createDraft', { json: definition });
    setBusy(false);
    if (!created.ok) {
      setStatus('');
      setError(describeFailure(t, created));
      return;
    }
    navigate(`/admin/drafts/${created.value.id}`);
  };

  const common = { issues };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <DraftProblems issues={issues} />
      <ErrorAlert message={error} />
      <Group legend={t('admin.draft.about')}>
        <TextField id="d-title" label={t('admin.draft.title_label')} path="title" value={f.title} onValue={(title) => set({ title })} {...common} />
        <SelectField id="d-purpose" label={t('admin.draft.purpose')} hint={t('admin.draft.purpose_hint')} path="purpose" value={f.purpose ?? ''} onValue={(purpose) => set({ purpose: purpose as NonNullable<DraftForm['purpose']> })} {...common}
          options={[['', t('admin.draft.purpose_inferred')], ['ratification', t('purpose.ratification')], ['strike_authorization', t('purpose.strike_authorization')], ['election', t('purpose.election')], ['other', t('purpose.other')]]} />
        <TextField id="d-vote-id" label={t('admin.draft.vote_id')} hint={t('admin.draft.vote_id_hint')} path="voteId" value={f.voteId} onValue={(voteId) => set({ voteId })} {...common} />
        <SelectField id="d-union" label={t('admin.draft.union')} path="unionId" value={f.unionId} onValue={(unionId) => set({ unionId })} options={unionOptions} {...common} />
        <TextField id="d-record-date" type="date" label={t('admin.draft.record_date')} hint={t('admin.draft.record_date_hint')} path="recordDate" value={f.recordDate} onValue={(recordDate) => set({ recordDate })} {...common} />
        <TextField id="d-opens" type="datetime-local" label={t('admin.draft.opens_at')} path="schedule.opensAt" value={f.opensAt} onValue={(opensAt) => set({ opensAt })} {...common} />
        <TextField id="d-closes" type="datetime-local" label={t('admin.draft.closes_at')} path="schedule.closesAt" value={f.closesAt} onValue={(closesAt) => set({ closesAt })} {...common} />
        <SelectField id="d-revote" label={t('admin.draft.revote')} path="revotePolicy" value={f.revotePolicy} onValue={(revotePolicy) => set({ revotePolicy })} {...common}
          options={[['last_counts', t('admin.draft.revote_last')], ['first_counts', t('admin.draft.revote_first')]]} />
      </Group>
      <InformationGroup f={f} set={set} issues={issues}>
        <SelectField id="d-offer" label={t('draft.offer_label')} hint={t('draft.offer_hint')} path="information.offer" value={f.offer?.id ?? ''} onValue={chooseOffer} options={offerOptions} {...common} />
      </InformationGroup>
      {f.questions.map((q, i) => (
        <QuestionFields key={i} q={q} id={`q${i}`} path={`questions.${i}`} legend={t('admin.draft.question_n', { n: i + 1 })} issues={issues} set={(nq) => setQuestion(i, nq)}
          remove={f.questions.length > 1 ? { label: t('admin.draft.remove_question', { n: i + 1 }), run: () => set({ questions: f.questions.filter((_, n) => n !== i) }) } : null} />
      ))}
      <button type="button" class="secondary" onClick={() => set({ questions: [...f.questions, newQuestion()] })}>{t('admin.draft.add_question')}</button>
      <FollowUpsEditor f={f} set={set} issues={issues} />
      <TrusteesGroup f={f} set={set} issues={issues} />
      <button type="submit" disabled={busy}>{t('admin.draft.save')}</button>
      <Status message={status} />
    </form>
  );
}

export function DraftFormPage() {
  const { t } = useI18n();
  const title = t('admin.draft.new_title');
  return (
    <StaffGate roles={['administrator']} title={title}>
      {() => (
        <>
          <PageHeading title={title}>{title}</PageHeading>
          <DraftFormBody />
        </>
      )}
    </StaffGate>
  );
}
