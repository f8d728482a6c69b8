// Complaints of the key ceremony as the pages show them, from the ceremony status alone: who
// complained about whose share, and whether the accused has answered by revealing it (the server
// accepts a reveal only if it checks against the commitments, so a reveal on record resolves the
// complaint). Pure: no DOM, no network.
import type { ResponseOf } from '../api.ts';

type Ceremony = ResponseOf<'trusteeCeremony'>;

export type ComplaintRow = {
  readonly accuser: number;
  readonly accuserName: string;
  readonly accused: number;
  readonly accusedName: string;
  readonly answered: boolean;
};

/** Every complaint, by accuser then accused, with whether it has been answered. */
export function complaintRows(ceremony: Pick<Ceremony, 'trustees'>): ComplaintRow[] {
  const name = (i: number) => ceremony.trustees.find((t) => t.index === i)?.name ?? String(i);
  const rows: ComplaintRow[] = [];
  for (const t of [...ceremony.trustees].sort((a, b) => a.index - b.index)) {
    for (const accused of [...t.complaints].sort((a, b) => a - b)) {
      const answered = ceremony.trustees.some((x) => x.index === accused && x.reveals.includes(t.index));
      rows.push({ accuser: t.index, accuserName: t.name, accused, accusedName: name(accused), answered });
    }
  }
  return rows;
}

/** The complaints against trustee `you` still waiting for an answer. */
export function unansweredAgainst(ceremony: Pick<Ceremony, 'trustees'>, you: number): ComplaintRow[] {
  return complaintRows(ceremony).filter((r) => r.accused === you && !r.answered);
}

/** The complaints trustee `you` made that are still waiting for an answer. */
export function unansweredBy(ceremony: Pick<Ceremony, 'trustees'>, you: number): ComplaintRow[] {
  return complaintRows(ceremony).filter((r) => r.accuser === you && !r.answered);
}
