// A vote's status in words (never colour alone: the badge's text carries the meaning).
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../ui/i18n-context.ts';

const STATUS: Readonly<Record<string, MessageKey>> = {
  draft: 'status.draft',
  open: 'status.open',
  closed: 'status.closed',
  tallied: 'status.tallied',
  published: 'status.published',
};

export function StatusBadge({ status }: { readonly status: string }) {
  const { t } = useI18n();
  const key = STATUS[status];
  return <span class={`badge badge-${status}`}>{key ? t(key) : status}</span>;
}
