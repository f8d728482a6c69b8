// One question of a vote as form fields — yes/no with a ratification or supermajority rule, floors
// and blank policy, or choose k of n — with the server's problems next to each field. Shared by the
// draft form's questions (`questions.0`) and a follow-up vote's template questions
// (`followUps.0.vote.questions.1`): the caller gives the issue path, the element ids and the legend.
import { useI18n } from '../ui/i18n-context.ts';
import { type FieldIssue, type QuestionForm, issuesAt } from './draft-definition.ts';
import { FieldErrors, Group, RationalField, SelectField, TextField } from './form-fields.tsx';

export type QuestionFieldsProps = {
  readonly q: QuestionForm;
  /** Prefix of the element ids (`q0`, `fu0-q1`). */
  readonly id: string;
  /** The server's issue path of this question (`questions.0`, `followUps.0.vote.questions.1`). */
  readonly path: string;
  readonly legend: string;
  readonly issues: readonly FieldIssue[];
  readonly set: (q: QuestionForm) => void;
  /** The remove button (its label names which question), or null when the question cannot be removed. */
  readonly remove: { readonly label: string; readonly run: () => void } | null;
};

export function QuestionFields({ q, id, path: p, legend, issues, set, remove }: QuestionFieldsProps) {
  const { t } = useI18n();
  const common = { issues, numeratorLabel: t('admin.draft.numerator'), denominatorLabel: t('admin.draft.denominator') };
  const blankInvalid = issuesAt(issues, `${p}.blankAllowed`).length > 0;
  return (
    <Group legend={legend}>
      <SelectField id={`${id}-kind`} label={t('admin.draft.question_kind')} path={`${p}.kind`} issues={issues} value={q.kind} onValue={(kind) => set({ ...q, kind })}
        options={[['yes_no', t('admin.draft.kind_yes_no')], ['choose', t('admin.draft.kind_choose')]]} />
      <TextField id={`${id}-text`} label={t('admin.draft.question_text')} path={`${p}.text`} issues={issues} value={q.text} onValue={(text) => set({ ...q, text })} multiline />
      {q.kind === 'choose' ? (
        <>
          <TextField id={`${id}-options`} label={t('admin.draft.options')} hint={t('admin.draft.options_hint')} path={`${p}.options`} issues={issues} value={q.options} onValue={(options) => set({ ...q, options })} multiline />
          <TextField id={`${id}-min`} label={t('admin.draft.min')} path={`${p}.min`} issues={issues} value={q.min} onValue={(min) => set({ ...q, min })} inputMode="numeric" />
          <TextField id={`${id}-max`} label={t('admin.draft.max')} hint={t('admin.draft.max_hint')} path={`${p}.max`} issues={issues} value={q.max} onValue={(max) => set({ ...q, max })} inputMode="numeric" />
          <TextField id={`${id}-seats`} label={t('admin.draft.seats')} path={`${p}.rule.seats`} alsoAt={`${p}.rule`} issues={issues} value={q.seats} onValue={(seats) => set({ ...q, seats })} inputMode="numeric" />
        </>
      ) : (
        <>
          {/* A rule the protocol refuses as a whole (a threshold below half) is named at `….rule`: shown at the rule. */}
          <SelectField id={`${id}-rule`} label={t('admin.draft.rule')} path={`${p}.rule.kind`} alsoAt={`${p}.rule`} issues={issues} value={q.ruleKind} onValue={(ruleKind) => set({ ...q, ruleKind })}
            options={[['ratification', t('admin.draft.rule_ratification')], ['supermajority', t('admin.draft.rule_supermajority')]]} />
          {q.ruleKind === 'supermajority' ? (
            <RationalField id={`${id}-threshold`} label={t('admin.draft.threshold')} hint={t('admin.draft.threshold_hint')} path={`${p}.rule.threshold`} value={q.threshold} onValue={(threshold) => set({ ...q, threshold })} {...common} />
          ) : null}
          <RationalField id={`${id}-turnout`} label={t('admin.draft.turnout_floor')} hint={t('admin.draft.optional_fraction')} path={`${p}.rule.turnoutFloor`} value={q.turnoutFloor} onValue={(turnoutFloor) => set({ ...q, turnoutFloor })} {...common} />
          <RationalField id={`${id}-support`} label={t('admin.draft.support_floor')} hint={t('admin.draft.optional_fraction')} path={`${p}.rule.supportOfEligibleFloor`} value={q.supportFloor} onValue={(supportFloor) => set({ ...q, supportFloor })} {...common} />
          <SelectField id={`${id}-blank-policy`} label={t('admin.draft.blank_policy')} path={`${p}.rule.blankPolicy`} issues={issues} value={q.blankPolicy} onValue={(blankPolicy) => set({ ...q, blankPolicy })}
            options={[['excluded', t('admin.draft.blank_excluded')], ['counts_against', t('admin.draft.blank_against')]]} />
        </>
      )}
      <FieldErrors id={`${id}-blank`} path={`${p}.blankAllowed`} issues={issues} />
      <label class="choice" for={`${id}-blank`}>
        <input id={`${id}-blank`} type="checkbox" checked={q.blankAllowed} aria-describedby={blankInvalid ? `${id}-blank-error` : undefined} aria-invalid={blankInvalid ? 'true' : undefined}
          onChange={(e) => set({ ...q, blankAllowed: e.currentTarget.checked })} />
        {t('admin.draft.blank_allowed')}
      </label>
      {remove ? <button type="button" class="secondary" onClick={remove.run}>{remove.label}</button> : null}
    </Group>
  );
}
