// A roll file's problems in words (pure, unit-tested): each issue code as a sentence naming the
// column as the file names it, never the code itself; the server's English text only for a code
// this version does not know.
import type { MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/i18n.ts';

export type RollIssue = { readonly code: string; readonly line: number | null; readonly column: string | null; readonly relatedLine: number | null; readonly message: string };

export function rollIssueWords(t: Translate, issue: RollIssue): string {
  const key = `roll.issue.${issue.code}` as MessageKey;
  const words = /^[a-z_]+$/.test(issue.code) ? t(key, { column: issue.column ?? '', line: issue.relatedLine ?? '' }) : key;
  return words === key ? issue.message : words;
}

/** Members an import removes or disqualifies: the number the administrator must type back. */
export const removalCount = (changes: { readonly removed: number; readonly disqualified: number }): number => changes.removed + changes.disqualified;
