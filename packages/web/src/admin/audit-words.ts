// The audit log in words (pure, unit-tested): each action as a sentence, the actor as a name, and
// the details as labelled values — for the page and for the CSV export, so both say the same.
// An action this version does not know is shown as recorded, never dropped.
import type { MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/i18n.ts';

export type AuditEntry = { readonly seq: number; readonly at: string; readonly actor: string; readonly action: string; readonly voteId: string | null; readonly details: string };

export function actionWords(t: Translate, action: string): string {
  const key = `audit.action.${action}` as MessageKey;
  const words = /^[A-Za-z_]+$/.test(action) ? t(key) : key;
  return words === key ? action : words;
}

export function actorWords(t: Translate, actor: string): string {
  if (actor.startsWith('staff:')) return actor.slice('staff:'.length);
  if (actor === 'ops-token') return t('audit.actor.ops_token');
  if (actor === 'demo') return t('audit.actor.demo');
  if (actor === 'scheduler') return t('audit.actor.scheduler');
  return actor;
}

/** Detail names shown with a label; anything else keeps its own name. */
const DETAIL_LABELS: Readonly<Record<string, MessageKey>> = {
  id: 'audit.detail.id',
  union: 'audit.detail.union',
  username: 'audit.detail.username',
  memberNumber: 'audit.detail.member',
  reason: 'audit.detail.reason',
  kind: 'audit.detail.kind',
  removed: 'audit.detail.removed',
  disqualified: 'audit.detail.disqualified',
  added: 'audit.detail.added',
  kept: 'audit.detail.kept',
  eligible: 'audit.detail.eligible',
  queued: 'audit.detail.queued',
  credential: 'audit.detail.credential',
  replaces: 'audit.detail.replaces',
  role: 'audit.detail.role',
  questionId: 'audit.detail.question',
  appealId: 'audit.detail.appeal',
  documentId: 'audit.detail.document',
  recipients: 'audit.detail.recipients',
};

function flatten(value: unknown, prefix: string, out: [string, string][]): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, k === 'params' || k === 'body' ? prefix : k, out);
    return;
  }
  out.push([prefix, Array.isArray(value) ? value.map(String).join(', ') : String(value)]);
}

/** The details as `label: value` pairs; the vote's own id is left out (the log has a column for it). */
export function detailWords(t: Translate, entry: Pick<AuditEntry, 'details' | 'voteId'>): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry.details);
  } catch {
    return entry.details === '' ? [] : [entry.details];
  }
  const pairs: [string, string][] = [];
  flatten(parsed, '', pairs);
  return pairs
    .filter(([k, v]) => !(k === 'id' && v === entry.voteId))
    .map(([k, v]) => `${DETAIL_LABELS[k] ? t(DETAIL_LABELS[k]) : k}: ${v}`);
}

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** The log as CSV (RFC 4180): the words a person reads, and the recorded action and details. */
export function auditCsv(t: Translate, entries: readonly AuditEntry[], when: (iso: string) => string): string {
  const head = [t('admin.audit.number'), t('admin.audit.when'), 'UTC', t('admin.audit.actor'), t('admin.audit.action'), t('admin.audit.vote'), t('admin.audit.details'), t('admin.audit.recorded_action'), t('admin.audit.recorded_details')];
  const rows = entries.map((e) => [String(e.seq), when(e.at), e.at, actorWords(t, e.actor), actionWords(t, e.action), e.voteId ?? '', detailWords(t, e).join('; '), e.action, e.details]);
  return [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
