// The official statements' equal-terms rule (docs/campaigns.md), checked when a draft is validated:
// a vote with statements has exactly one for each side, for and against. Their texts share one
// length limit (STATEMENT_MAX_LENGTH, in the manifest schema), so neither side gets more room.
import type { Statement } from '@ratify/protocol';

export type StatementIssue = { readonly field: string; readonly code: string; readonly message: string };

export const STATEMENT_SIDES = ['for', 'against'] as const;

export function statementIssues(statements: readonly Statement[]): StatementIssue[] {
  if (statements.length === 0) return [];
  const issues: StatementIssue[] = [];
  const seen = new Set<string>();
  statements.forEach((s, i) => {
    if (seen.has(s.side)) issues.push({ field: `information.statements.${i}.side`, code: 'duplicate_statement_side', message: `a second "${s.side}" statement: one per side` });
    seen.add(s.side);
  });
  for (const side of STATEMENT_SIDES) {
    if (!seen.has(side)) issues.push({ field: 'information.statements', code: 'statement_side_missing', message: `no "${side}" statement: give every side one, or none` });
  }
  return issues;
}
