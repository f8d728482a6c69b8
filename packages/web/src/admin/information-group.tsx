// Parts shared by the vote form and the follow-up form: the summary of problems the server found,
// and what the booth shows before the ballot — the summary and the official for/against statements
// (one length limit for both sides, docs/campaigns.md). Field paths match the server's draft issues.
import type { ComponentChildren } from 'preact';
import { STATEMENT_MAX_LENGTH } from '@ratify/protocol';
import { useI18n } from '../ui/i18n-context.ts';
import type { DraftForm, FieldIssue } from './draft-definition.ts';
import { issueWords } from './draft-issue-words.ts';
import { Group, TextField } from './form-fields.tsx';

export function DraftProblems({ issues }: { readonly issues: readonly FieldIssue[] }) {
  const { t } = useI18n();
  if (issues.length === 0) return null;
  return (
    <div class="alert" role="alert">
      <h2 id="draft-problems" tabIndex={-1}>{t('admin.draft.problems', { count: issues.length })}</h2>
      <ul>{issues.map((i, n) => <li key={n}>{issueWords(t, i)}</li>)}</ul>
    </div>
  );
}

/** `children` come first in the group (the vote form's offer picker). */
export function InformationGroup({ f, set, issues, children }: { readonly f: DraftForm; readonly set: (patch: Partial<DraftForm>) => void; readonly issues: readonly FieldIssue[]; readonly children?: ComponentChildren }) {
  const { t } = useI18n();
  const common = { issues };
  return (
    <Group legend={t('admin.draft.information')}>
      {children}
      <TextField id="d-summary" label={t('admin.draft.summary')} path="information.summary" value={f.summary} onValue={(summary) => set({ summary })} multiline {...common} />
      <p class="hint" id="d-statements-rule">{t('admin.draft.statements_rule', { max: STATEMENT_MAX_LENGTH })}</p>
      <TextField id="d-for-author" label={t('admin.draft.for_author')} path="information.statements.0.author" value={f.forAuthor} onValue={(forAuthor) => set({ forAuthor })} {...common} />
      <TextField id="d-for-text" label={t('admin.draft.for_text')} path="information.statements.0.text" value={f.forText} onValue={(forText) => set({ forText })} multiline {...common} />
      <TextField id="d-against-author" label={t('admin.draft.against_author')} path="information.statements.1.author" value={f.againstAuthor} onValue={(againstAuthor) => set({ againstAuthor })} {...common} />
      <TextField id="d-against-text" label={t('admin.draft.against_text')} path="information.statements.1.text" value={f.againstText} onValue={(againstText) => set({ againstText })} multiline {...common} />
    </Group>
  );
}
