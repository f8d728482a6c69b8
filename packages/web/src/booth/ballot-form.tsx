// The ballot form: each question as a fieldset (radio buttons for one choice, checkboxes for several),
// its rule in plain words, then what to read before choosing (folded on a phone, so the question is on
// the first screen), then the voting credential (typed, or filled in from the emailed link).
// Problems are listed at the top and tied to their fields. Must not send anything anywhere.
import { describeRule, type Manifest, type Question } from '@ratify/protocol';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../ui/i18n-context.ts';
import type { ChoiceProblem, Choices } from './selections.ts';

/** What is wrong with the credential: typed wrong (format, checksum), or not one of this vote's (checked before encrypting). */
export type CredentialProblem = 'missing' | 'bad_credential_format' | 'bad_credential_checksum' | 'not_for_vote' | 'replaced';

type Props = {
  readonly manifest: Manifest;
  readonly choices: Choices;
  readonly onChoices: (choices: Choices) => void;
  readonly credential: string;
  readonly onCredential: (text: string) => void;
  readonly credentialFromLink: boolean;
  readonly problems: readonly ChoiceProblem[];
  readonly credentialProblem: CredentialProblem | undefined;
  readonly busy: boolean;
  readonly onSubmit: () => void;
  /** What went wrong with the last press of the button, shown right under it. */
  readonly actionError?: string | undefined;
  /** What to read before choosing (reading.tsx), shown after the questions and before the credential. */
  readonly reading?: ComponentChildren;
  /** Whether there is reading: a link under the heading then points to it. */
  readonly hasReading?: boolean;
};

const CREDENTIAL_PROBLEM: Readonly<Record<CredentialProblem, MessageKey>> = {
  missing: 'ballot.credential_missing',
  bad_credential_format: 'ballot.credential_format',
  bad_credential_checksum: 'ballot.credential_checksum',
  not_for_vote: 'ballot.credential_not_for_vote',
  replaced: 'ballot.credential_replaced',
};

function optionLabel(q: Question, i: number, yes: string, no: string): string {
  if (q.kind === 'yes_no') return i === 0 ? yes : no;
  return q.options[i]?.text ?? '';
}

function QuestionField(props: { readonly q: Question; readonly index: number; readonly chosen: readonly number[]; readonly problem: string | undefined; readonly onChange: (c: number[]) => void }) {
  const { t, lang } = useI18n();
  const { q, index, chosen, problem } = props;
  const single = q.max === 1;
  const name = `question-${index}`;
  const hintId = `${name}-rule`;
  const problemId = `${name}-problem`;
  const toggle = (i: number, on: boolean) => props.onChange(single ? (on ? [i] : []) : on ? [...chosen, i].sort((a, b) => a - b) : chosen.filter((x) => x !== i));
  return (
    <fieldset aria-describedby={problem ? `${hintId} ${problemId}` : hintId} aria-invalid={problem ? true : undefined}>
      <legend>
        <span class="question-number">{t('ballot.question_n', { n: index + 1 })}</span> {q.text}
      </legend>
      <p class="hint" id={hintId}>
        {single ? t('ballot.choose_one') : t('ballot.choose_range', { min: q.min, max: q.max })} {describeRule(q.rule, lang, q)}
      </p>
      {problem ? (
        <p class="field-error" id={problemId}>
          {problem}
        </p>
      ) : null}
      {q.options.map((_, i) => (
        <label key={i} class="choice">
          <input
            type={single ? 'radio' : 'checkbox'}
            name={name}
            value={String(i)}
            checked={chosen.includes(i)}
            onChange={(e) => toggle(i, e.currentTarget.checked)}
          />
          <span>{optionLabel(q, i, t('ballot.yes'), t('ballot.no'))}</span>
        </label>
      ))}
      {single && q.blankAllowed ? (
        <label class="choice">
          <input type="radio" name={name} value="blank" checked={chosen.length === 0} onChange={() => props.onChange([])} />
          <span>{t('ballot.blank')}</span>
        </label>
      ) : null}
    </fieldset>
  );
}

/** An error shown right under the button that caused it (issue 16: never below the fold, away from the action). */
export function ActionError({ id, message }: { readonly id: string; readonly message: string | undefined }) {
  const ref = useRef<HTMLParagraphElement>(null);
  // A phone may have the button at the bottom of the screen: bring the whole message into view.
  useEffect(() => {
    if (message) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [message]);
  return (
    <p id={id} ref={ref} role="alert" class={message ? 'alert action-error' : 'alert-empty'}>
      {message ?? ''}
    </p>
  );
}

export function BallotForm(props: Props) {
  const { t } = useI18n();
  const { manifest, choices, problems, credentialProblem } = props;
  const problemText = (p: ChoiceProblem): string =>
    p.kind === 'choose_one'
      ? t('ballot.problem_choose_one', { n: p.question + 1 })
      : p.kind === 'too_many'
        ? t('ballot.problem_too_many', { n: p.question + 1, max: p.max })
        : t('ballot.problem_choose_between', { n: p.question + 1, min: p.min, max: p.max });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <h2>{t('ballot.your_ballot')}</h2>
      {props.hasReading ? (
        <p class="hint">
          <a href="#before-you-choose">{t('booth.reading_link')}</a>
        </p>
      ) : null}
      {manifest.questions.map((q, i) => (
        <QuestionField
          key={q.id}
          q={q}
          index={i}
          chosen={choices[i] ?? []}
          problem={(() => {
            const p = problems.find((x) => x.question === i);
            return p ? problemText(p) : undefined;
          })()}
          onChange={(c) => props.onChoices(choices.map((old, j) => (j === i ? c : old)))}
        />
      ))}
      {props.reading}
      <div class="field">
        <label for="credential">{t('ballot.credential_label')}</label>
        <p class="hint" id="credential-hint">
          {props.credentialFromLink ? t('ballot.credential_from_link') : t('ballot.credential_hint')}
        </p>
        {credentialProblem ? (
          <p class="field-error" id="credential-problem">
            {t(CREDENTIAL_PROBLEM[credentialProblem])}
          </p>
        ) : null}
        <input
          id="credential"
          name="credential"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          aria-describedby={credentialProblem ? 'credential-hint credential-problem' : 'credential-hint'}
          aria-invalid={credentialProblem ? true : undefined}
          value={props.credential}
          onInput={(e) => props.onCredential(e.currentTarget.value)}
        />
      </div>
      <p class="hint">{t('ballot.encrypt_hint')}</p>
      <button type="submit" disabled={props.busy} aria-describedby={props.actionError ? 'encrypt-error' : undefined}>
        {t('ballot.encrypt')}
      </button>
      <ActionError id="encrypt-error" message={props.actionError} />
    </form>
  );
}
