// Administrators: declare what follows each outcome while drafting a vote (protocol §M7) — per row
// the question it follows, the outcome, and either a note or a new vote (its title and one or more
// questions, written with the draft form's own question fields; added and removed here). Issue
// paths are the server's (`followUps.0.vote.questions.1.rule`).
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../ui/i18n-context.ts';
import type { DraftForm, FieldIssue } from './draft-definition.ts';
import { type FollowUpForm, type FollowUpOutcome, newFollowUp, outcomesFor, withTemplateQuestion, withoutTemplateQuestion } from './follow-up-form.ts';
import { Group, SelectField, TextField } from './form-fields.tsx';
import { QuestionFields } from './question-fields.tsx';

/** A vote follow-up's title and questions. */
function TemplateFields({ row, n, id, path: p, issues, set }: { readonly row: FollowUpForm; readonly n: number; readonly id: string; readonly path: string; readonly issues: readonly FieldIssue[]; readonly set: (row: FollowUpForm) => void }) {
  const { t } = useI18n();
  return (
    <>
      <TextField id={`${id}-title`} label={t('followups.editor.title')} path={`${p}.vote.title`} issues={issues} value={row.title} onValue={(title) => set({ ...row, title })} />
      {row.questions.map((q, k) => (
        <QuestionFields key={k} q={q} id={`${id}-q${k}`} path={`${p}.vote.questions.${k}`} legend={t('followups.editor.question_n', { q: k + 1, n })} issues={issues}
          set={(nq) => set({ ...row, questions: row.questions.map((x, j) => (j === k ? nq : x)) })}
          remove={row.questions.length > 1 ? { label: t('followups.editor.remove_question', { q: k + 1, n }), run: () => set(withoutTemplateQuestion(row, k)) } : null} />
      ))}
      <button type="button" class="secondary" id={`${id}-add-question`} onClick={() => set(withTemplateQuestion(row))}>{t('followups.editor.add_question', { n })}</button>
    </>
  );
}

export function FollowUpsEditor({ f, set, issues }: { readonly f: DraftForm; readonly set: (patch: Partial<DraftForm>) => void; readonly issues: readonly FieldIssue[] }) {
  const { t } = useI18n();
  const rows = f.followUps ?? [];
  const setRow = (i: number, row: FollowUpForm) => set({ followUps: rows.map((x, n) => (n === i ? row : x)) });
  const questionOptions = f.questions.map((q, i) => [String(i), `${t('followups.question_n', { n: i + 1 })}${q.text.trim() ? `: ${q.text.trim().slice(0, 60)}` : ''}`] as const);
  return (
    <Group legend={t('followups.editor.legend')}>
      <p class="hint">{t('followups.editor.hint')}</p>
      {rows.map((row, i) => {
        const id = `fu${i}`;
        const p = `followUps.${i}`;
        const outcomes = outcomesFor(f.questions[Number(row.question)]);
        return (
          <fieldset key={i} class="follow-up-row">
            <legend>{t('followups.editor.row', { n: i + 1 })}</legend>
            <SelectField id={`${id}-question`} label={t('followups.editor.question')} path={`${p}.questionId`} issues={issues} value={row.question} onValue={(question) => setRow(i, { ...row, question })} options={questionOptions} />
            <SelectField<FollowUpOutcome> id={`${id}-outcome`} label={t('followups.editor.outcome')} path={`${p}.outcome`} issues={issues} value={row.outcome} onValue={(outcome) => setRow(i, { ...row, outcome })}
              options={outcomes.map((o) => [o, t(`followups.if.${o}` as MessageKey)] as const)} />
            <SelectField id={`${id}-kind`} label={t('followups.editor.kind')} path={`${p}.vote`} exact issues={issues} value={row.kind} onValue={(kind) => setRow(i, { ...row, kind })}
              options={[['note', t('followups.editor.kind_note')], ['vote', t('followups.editor.kind_vote')]]} />
            <TextField id={`${id}-text`} label={t('followups.editor.text')} path={`${p}.text`} issues={issues} value={row.text} onValue={(text) => setRow(i, { ...row, text })} multiline />
            {row.kind === 'vote' ? <TemplateFields row={row} n={i + 1} id={id} path={p} issues={issues} set={(r) => setRow(i, r)} /> : null}
            <button type="button" class="secondary" onClick={() => set({ followUps: rows.filter((_, n) => n !== i) })}>{t('followups.editor.remove', { n: i + 1 })}</button>
          </fieldset>
        );
      })}
      <button type="button" class="secondary" id="add-follow-up" onClick={() => set({ followUps: [...rows, newFollowUp()] })}>{t('followups.editor.add')}</button>
    </Group>
  );
}
