// Form fields of the staff pages with their label, hint and the server's problems for the field
// (by issue path), tied to the input with aria-describedby and aria-invalid.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../ui/i18n-context.ts';
import { type FieldIssue, issuesAt, issuesExactlyAt } from './draft-definition.ts';
import { issueWords } from './draft-issue-words.ts';

type Common = {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  /** The server's issue path for this field (`questions.0.text`). */
  readonly path: string;
  readonly issues: readonly FieldIssue[];
  /** Only the issues at `path` itself, not below it (its parts have fields of their own). */
  readonly exact?: boolean;
  /** A parent path whose own issues this field shows too (the rule select shows `questions.0.rule`). */
  readonly alsoAt?: string;
};
type Where = Pick<Common, 'path' | 'issues' | 'exact' | 'alsoAt'>;

/** The issues a field shows: at (or below) its path, and at its `alsoAt` path. */
function issuesOf({ path, issues, exact = false, alsoAt }: Where): FieldIssue[] {
  const own = exact ? issuesExactlyAt(issues, path) : issuesAt(issues, path);
  return alsoAt === undefined ? own : [...issuesExactlyAt(issues, alsoAt), ...own];
}

export function FieldErrors(props: Where & { readonly id: string }) {
  const { t } = useI18n();
  const { id } = props;
  const mine = issuesOf(props);
  if (mine.length === 0) return null;
  return (
    <div id={`${id}-error`}>
      {mine.map((i, n) => <p key={n} class="field-error">{issueWords(t, i)}</p>)}
    </div>
  );
}

function describedBy(id: string, hint: string | undefined, invalid: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter((x) => x !== '');
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function TextField(props: Common & { readonly value: string; readonly onValue: (v: string) => void; readonly type?: 'text' | 'date' | 'datetime-local'; readonly multiline?: boolean; readonly inputMode?: 'numeric' | 'text'; readonly required?: boolean }) {
  const { id, label, hint, value, onValue, type = 'text', multiline = false } = props;
  const invalid = issuesOf(props).length > 0;
  const aria = { 'aria-describedby': describedBy(id, hint, invalid), 'aria-invalid': invalid ? ('true' as const) : undefined };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      <FieldErrors {...props} />
      {multiline ? (
        <textarea id={id} rows={4} value={value} {...aria} onInput={(e) => onValue(e.currentTarget.value)} />
      ) : (
        type === 'text' ? (
          <input id={id} type="text" value={value} inputMode={props.inputMode} required={props.required} {...aria} onInput={(e) => onValue(e.currentTarget.value)} />
        ) : (
          <input id={id} type={type} value={value} required={props.required} {...aria} onInput={(e) => onValue(e.currentTarget.value)} />
        )
      )}
    </div>
  );
}

export function SelectField<V extends string>(props: Common & { readonly value: V; readonly onValue: (v: V) => void; readonly options: readonly (readonly [V, string])[] }) {
  const { id, label, hint, value, onValue, options } = props;
  const invalid = issuesOf(props).length > 0;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      <FieldErrors {...props} />
      <select id={id} value={value} aria-describedby={describedBy(id, hint, invalid)} aria-invalid={invalid ? 'true' : undefined} onChange={(e) => onValue(e.currentTarget.value as V)}>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </div>
  );
}

/** Two small number inputs for a fraction n/d, grouped under one legend. */
export function RationalField(props: Common & { readonly value: { numerator: string; denominator: string }; readonly onValue: (v: { numerator: string; denominator: string }) => void; readonly numeratorLabel: string; readonly denominatorLabel: string }) {
  const { id, label, hint, value, onValue } = props;
  const invalid = issuesOf(props).length > 0;
  return (
    <fieldset class="rational" aria-describedby={describedBy(id, hint, invalid)} aria-invalid={invalid ? 'true' : undefined}>
      <legend>{label}</legend>
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      <FieldErrors {...props} />
      <div class="rational-inputs">
        <label for={`${id}-n`}>{props.numeratorLabel}</label>
        <input id={`${id}-n`} inputMode="numeric" value={value.numerator} onInput={(e) => onValue({ ...value, numerator: e.currentTarget.value })} />
        <label for={`${id}-d`}>{props.denominatorLabel}</label>
        <input id={`${id}-d`} inputMode="numeric" value={value.denominator} onInput={(e) => onValue({ ...value, denominator: e.currentTarget.value })} />
      </div>
    </fieldset>
  );
}

export function Group({ legend, children }: { readonly legend: string; readonly children: ComponentChildren }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
