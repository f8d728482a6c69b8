// The booth form's choices ↔ the protocol's Selections (per question, per option, 0 or 1), and the
// form checks: a question's number of choices must be one of its allowed totals. Pure.
import { allowedTotals, type Manifest, type Question, type Selections } from '@ratify/protocol';

/** Per question, the indices of the chosen options (for yes/no: 0 = yes, 1 = no); empty = blank. */
export type Choices = readonly (readonly number[])[];

export function emptyChoices(manifest: Manifest): Choices {
  return manifest.questions.map(() => []);
}

export function toSelections(manifest: Manifest, choices: Choices): Selections {
  return manifest.questions.map((q, i) => q.options.map((_, o) => ((choices[i] ?? []).includes(o) ? 1 : 0)));
}

export function fromSelections(selections: Selections): Choices {
  return selections.map((sel) => sel.flatMap((m, i) => (m === 1 ? [i] : [])));
}

export type ChoiceProblem =
  | { readonly kind: 'choose_one'; readonly question: number }
  | { readonly kind: 'choose_between'; readonly question: number; readonly min: number; readonly max: number }
  | { readonly kind: 'too_many'; readonly question: number; readonly max: number };

export function allowedTotalsOf(q: Question): number[] {
  return allowedTotals(q.min, q.max, q.blankAllowed);
}

/** The first problem per question, in question order; an empty list when the ballot can be encrypted. */
export function checkChoices(manifest: Manifest, choices: Choices): ChoiceProblem[] {
  const problems: ChoiceProblem[] = [];
  manifest.questions.forEach((q, i) => {
    const n = (choices[i] ?? []).length;
    if (allowedTotalsOf(q).includes(n)) return;
    if (n > q.max) problems.push({ kind: 'too_many', question: i, max: q.max });
    else if (q.max === 1) problems.push({ kind: 'choose_one', question: i });
    else problems.push({ kind: 'choose_between', question: i, min: q.min, max: q.max });
  });
  return problems;
}
