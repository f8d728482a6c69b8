// Administrators: declare what follows each outcome while drafting a vote (protocol §M7) — per row
// the question it follows, the outcome, and either a note or a new vote (its title and one yes/no
// question with its rule). Issue paths are the server's (`followUps.0.vote.questions.0.rule`).
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../ui/i18n-context.ts';
import type { DraftForm, FieldIssue, QuestionForm } from './draft-definition.ts';
import { type FollowUpForm, type FollowUpOutcome, newFollowUp, outcomesFor } from './follow-up-form.ts';
import { Group, RationalField, SelectField, TextField } from './form-fields.tsx';

function TemplateQuestion({ q, id, path, issues, set }: { readonly q: QuestionForm; readonly id: string; readonly path: string; readonly issues: readonly FieldIssue[]; readonly set: (q: QuestionForm) => void }) {
  const { t } = useI18n();
  const common = { issues, numeratorLabel: t('admin.draft.numerator'), denominatorLabel: t('admin.draft.denominator') };
  return (
    <>
      <TextField id={`${id}-text`} label={t('followups.editor.question_text')} path={`${path}.text`} issues={issues} value={q.text} onValue={(text) => set({ ...q, text })} multiline />
      <SelectField id={`${id}-rule`} label={t('admin.draft.rule')} path={`${path}.rule.kind`} issues={issues} value={q.ruleKind} onValue={(ruleKind) => set({ ...q, ruleKind })}
        options={[['ratification', t('admin.draft.rule_ratification')], ['supermajority', t('admin.draft.rule_supermajority')]]} />
      {q.ruleKind === 'supermajority' ? (
        <RationalField id={`${id}-threshold`} label={t('admin.draft.threshold')} hint={t('admin.draft.threshold_hint')} path={`${path}.rule.threshold`} value={q.threshold} onValue={(threshold) => set({ ...q, threshold })} {...common} />
      ) : null}
      <RationalField id={`${id}-turnout`} label={t('admin.draft.turnout_floor')} hint={t('admin.draft.optional_fraction')} path={`${path}.rule.turnoutFloor`} value={q.turnoutFloor} onValue={(turnoutFloor) => set({ ...q, turnoutFloor })} {...common} />
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
            <SelectField id={`${id}-kind`} label={t('followups.editor.kind')} path={`${p}.vote`} issues={issues} value={row.kind} onValue={(kind) => setRow(i, { ...row, kind })}
              options={[['note', t('followups.editor.kind_note')], ['vote', t('followups.editor.kind_vote')]]} />
            <TextField id={`${id}-text`} label={t('followups.editor.text')} path={`${p}.text`} issues={issues} value={row.text} onValue={(text) => setRow(i, { ...row, text })} multiline />
            {row.kind === 'vote' ? (
              <>
                <TextField id={`${id}-title`} label={t('followups.editor.title')} path={`${p}.vote.title`} issues={issues} value={row.title} onValue={(title) => setRow(i, { ...row, title })} />
                <TemplateQuestion q={row.template} id={`${id}-q`} path={`${p}.vote.questions.0`} issues={issues} set={(template) => setRow(i, { ...row, template })} />
              </>
            ) : null}
            <button type="button" class="secondary" onClick={() => set({ followUps: rows.filter((_, n) => n !== i) })}>{t('followups.editor.remove', { n: i + 1 })}</button>
          </fieldset>
        );
      })}
      <button type="button" class="secondary" id="add-follow-up" onClick={() => set({ followUps: [...rows, newFollowUp()] })}>{t('followups.editor.add')}</button>
    </Group>
  );
}
