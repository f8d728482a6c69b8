// The bargaining timeline's items (pure, unit-tested): sessions and status changes by day, with
// consecutive formal sessions that carry no note folded into one line ("Formal sessions on 45
// days, 3 Feb – 5 Apr 2008") so the timeline reads as a story, not 45 bare rows. Sessions with a
// note or an end date stay on their own line (an administrator can remove each from there).
export type TimelineSession = { readonly id: string; readonly date: string; readonly endDate?: string | null | undefined; readonly kind: string; readonly notes?: string | null | undefined };
export type TimelineChange = { readonly seq: number; readonly onDate: string; readonly from: string; readonly to: string; readonly note?: string | null | undefined };

export type TimelineItem =
  | { readonly kind: 'session'; readonly key: string; readonly session: TimelineSession }
  | { readonly kind: 'formal_run'; readonly key: string; readonly first: string; readonly last: string; readonly sessions: readonly TimelineSession[] }
  | { readonly kind: 'status'; readonly key: string; readonly change: TimelineChange };

const bare = (s: TimelineSession) => s.kind === 'formal' && !s.notes && !s.endDate;

export function timelineItems(sessions: readonly TimelineSession[], changes: readonly TimelineChange[], minRun = 3): TimelineItem[] {
  const sorted = [...sessions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  const sortedChanges = [...changes].sort((a, b) => (a.onDate < b.onDate ? -1 : a.onDate > b.onDate ? 1 : a.seq - b.seq));
  const items: TimelineItem[] = [];
  let run: TimelineSession[] = [];
  const flush = () => {
    if (run.length >= minRun) items.push({ kind: 'formal_run', key: `r-${run[0]!.id}`, first: run[0]!.date, last: run[run.length - 1]!.date, sessions: run });
    else for (const s of run) items.push({ kind: 'session', key: `s-${s.id}`, session: s });
    run = [];
  };
  let c = 0;
  for (const s of sorted) {
    // A status change falling inside a run ends it, so the story keeps its order.
    while (c < sortedChanges.length && sortedChanges[c]!.onDate <= s.date) {
      flush();
      items.push({ kind: 'status', key: `e-${sortedChanges[c]!.seq}`, change: sortedChanges[c]! });
      c += 1;
    }
    if (bare(s)) run.push(s);
    else {
      flush();
      items.push({ kind: 'session', key: `s-${s.id}`, session: s });
    }
  }
  flush();
  for (; c < sortedChanges.length; c++) items.push({ kind: 'status', key: `e-${sortedChanges[c]!.seq}`, change: sortedChanges[c]! });
  return items;
}
