// The voter-side files: turning `--answer question=option[,option]` into selections against the
// manifest, and the Benaloh audit file (the revealed selections and randomness of ONE ballot, which
// must then never be cast). Pure translation; the crypto is protocol createBallot / auditBallot.
import { type Group, fromHex, toHex, type Scalar } from '@ratify/crypto';
import type { BallotSecrets, Manifest, Selections } from '@ratify/protocol';
import { isObject, refuse, usage } from './io.ts';

export const AUDIT_FORMAT = 'ratify-ballot-audit/v1';

const optionIds = (q: Manifest['questions'][number]): readonly string[] => (q.kind === 'yes_no' ? q.options : q.options.map((o) => o.id));

/** Unanswered questions are blank (all zeros); createBallot refuses a blank where it is not allowed. */
export function selectionsOf(manifest: Manifest, answers: readonly string[]): Selections {
  const chosen = new Map<string, string[]>();
  for (const answer of answers) {
    const m = /^([^=]+)=(.*)$/.exec(answer) ?? usage('invalid_answer', `--answer ${answer}: expected <questionId>=<option>[,<option>]`);
    const [, question, options] = m;
    if (!manifest.questions.some((q) => q.id === question)) usage('unknown_question', `--answer ${answer}: no question ${question} (questions: ${manifest.questions.map((q) => q.id).join(', ')})`);
    if (chosen.has(question!)) usage('duplicate_answer', `question ${question} answered twice`);
    chosen.set(question!, options === '' ? [] : options!.split(','));
  }
  return manifest.questions.map((q) => {
    const ids = optionIds(q);
    const picked = chosen.get(q.id) ?? [];
    for (const p of picked) if (!ids.includes(p)) usage('unknown_option', `question ${q.id}: no option ${p} (options: ${ids.join(', ')})`);
    return ids.map((id) => (picked.includes(id) ? 1 : 0));
  });
}

/** The selections in words: per question, the chosen option ids. */
export function describeSelections(manifest: Manifest, selections: Selections): { readonly question: string; readonly selected: readonly string[] }[] {
  return manifest.questions.map((q, i) => ({ question: q.id, selected: optionIds(q).filter((_, j) => selections[i]?.[j] === 1) }));
}

export function toAuditFile(group: Group, voteId: string, trackingCode: string, secrets: BallotSecrets): string {
  const doc = {
    format: AUDIT_FORMAT,
    warning: 'This ballot\'s encryption is revealed: it must NOT be cast. Create a new ballot to vote.',
    vote: voteId,
    trackingCode,
    selections: secrets.selections,
    randomness: secrets.randomness.map((row) => row.map((r) => toHex(group.scalars.encode(r)))),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function parseAuditFile(group: Group, value: unknown, file: string): { readonly trackingCode: string; readonly secrets: BallotSecrets } {
  const bad = (what: string): never => refuse('invalid_audit_file', `${file}: ${what}`);
  if (!isObject(value) || value['format'] !== AUDIT_FORMAT) return bad(`expected format ${AUDIT_FORMAT}`);
  const { trackingCode, selections, randomness } = value;
  if (typeof trackingCode !== 'string' || !Array.isArray(selections) || !Array.isArray(randomness)) return bad('missing trackingCode, selections or randomness');
  const sel = selections.map((row: unknown, q) =>
    Array.isArray(row) && row.every((m) => m === 0 || m === 1) ? (row as (0 | 1)[]) : bad(`selections[${q}] must be 0s and 1s`),
  );
  const rs = randomness.map((row: unknown, q) =>
    Array.isArray(row)
      ? row.map((r: unknown, i): Scalar => {
          const bytes = typeof r === 'string' ? fromHex(r) : undefined;
          const s = bytes && group.scalars.decode(bytes);
          return s?.ok ? s.value : bad(`randomness[${q}][${i}] is not a scalar`);
        })
      : bad(`randomness[${q}] must be an array`),
  );
  return { trackingCode, secrets: { selections: sel, randomness: rs } };
}
