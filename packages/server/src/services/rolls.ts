// Unions and their rolls for the admin console: create and list unions; a roll file (CSV) is parsed
// once, here, with protocol's parseRollCsv — the preview answers with the counts, the changes
// against the current roll, the dual members (same email on another union's roll) and every
// issue by line and column, importing nothing; the import runs the same parse and replaces the
// roll all or nothing. An import that removes members or takes their good standing needs their
// number typed back (confirmRemovals) and is audited with its counts in the same transaction.
// Member numbers sharing one email address are flagged. After a vote's roll is frozen, changes are
// audited amendments with a reason.
import { type Result, err, ok } from '@ratify/crypto';
import type { Engine } from '@ratify/engine';
import { type RollRow, parseRollCsv } from '@ratify/protocol/roll';
import type { Member } from '@ratify/storage';
import type { ResponseOf } from '../api/routes.ts';
import type { ApiErrorCode } from '../http/errors.ts';

const SAMPLE_ROWS = 20;

type Parsed = { readonly rows: readonly RollRow[]; readonly current: readonly Member[]; readonly others: readonly Member[] };

export function createRollService(engine: Engine) {
  const store = engine.store;

  async function createUnion(id: string, name: string): Promise<Result<ResponseOf<'createUnion'>, ApiErrorCode>> {
    const r = await store.members.createUnion({ id, name });
    return r.ok ? ok({ id: r.value.id, name: r.value.name }) : r;
  }

  async function listUnions(): Promise<Result<ResponseOf<'listUnions'>, ApiErrorCode>> {
    return ok({ unions: [...(await store.members.listUnions())] });
  }

  /** The roll's rows, the union's current members and other unions' members with the same emails. */
  async function parse(unionId: string, csv: string): Promise<Result<Parsed, ApiErrorCode> | { ok: false; error: 'invalid_roll'; issues: ResponseOf<'previewRoll'>['issues'] }> {
    if ((await store.members.getUnion(unionId)) === null) return err('union_not_found', unionId);
    const parsed = parseRollCsv(csv);
    if (!parsed.ok) return { ok: false, error: 'invalid_roll', issues: parsed.issues.map((i) => ({ ...i })) };
    const current = await store.members.listMembers(unionId);
    const others = (await store.members.findMembersByEmails(parsed.value.map((r) => r.email))).filter((m) => m.unionId !== unionId);
    return ok({ rows: parsed.value, current, others });
  }

  function dualMembers({ rows, others }: Parsed): ResponseOf<'previewRoll'>['dualMembers'] {
    const byEmail = new Map<string, Member[]>();
    for (const m of others) byEmail.set(m.email, [...(byEmail.get(m.email) ?? []), m]);
    return rows.flatMap((r) => {
      const found = byEmail.get(r.email);
      return found ? [{ email: r.email, memberNumber: r.memberNumber, otherUnions: found.map((m) => ({ unionId: m.unionId, memberNumber: m.memberNumber })) }] : [];
    });
  }

  function changes({ rows, current }: Parsed): ResponseOf<'previewRoll'>['changes'] {
    const incoming = new Map<string, RollRow>(rows.map((r) => [r.memberNumber, r]));
    const kept = current.filter((m) => incoming.has(m.memberNumber));
    const disqualified = kept.filter((m) => m.goodStanding && incoming.get(m.memberNumber)?.goodStanding === false).length;
    return { added: rows.length - kept.length, kept: kept.length, removed: current.length - kept.length, disqualified };
  }

  function sharedEmails({ rows }: Parsed): ResponseOf<'previewRoll'>['sharedEmails'] {
    const byEmail = new Map<string, string[]>();
    for (const r of rows) {
      const key = r.email.toLowerCase();
      byEmail.set(key, [...(byEmail.get(key) ?? []), r.memberNumber]);
    }
    return [...byEmail].filter(([, numbers]) => numbers.length > 1).map(([email, memberNumbers]) => ({ email, memberNumbers }));
  }

  async function preview(unionId: string, csv: string): Promise<Result<ResponseOf<'previewRoll'>, ApiErrorCode>> {
    const parsed = await parse(unionId, csv);
    const empty = { unionId, rows: 0, eligible: 0, notInGoodStanding: 0, units: [], changes: { added: 0, kept: 0, removed: 0, disqualified: 0 }, dualMembers: [], sharedEmails: [], sample: [] };
    if (!parsed.ok) return 'issues' in parsed ? ok({ ...empty, valid: false, issues: [...parsed.issues] }) : parsed;
    const { rows } = parsed.value;
    const units = new Map<string | null, number>();
    for (const r of rows) units.set(r.unit, (units.get(r.unit) ?? 0) + 1);
    const eligible = rows.filter((r) => r.goodStanding).length;
    return ok({
      unionId,
      valid: true,
      rows: rows.length,
      eligible,
      notInGoodStanding: rows.length - eligible,
      units: [...units].map(([unit, n]) => ({ unit, rows: n })).sort((a, b) => (a.unit ?? '').localeCompare(b.unit ?? '')),
      changes: changes(parsed.value),
      dualMembers: dualMembers(parsed.value),
      sharedEmails: sharedEmails(parsed.value),
      sample: rows.slice(0, SAMPLE_ROWS).map((r) => ({ memberNumber: r.memberNumber, name: r.name, email: r.email, goodStanding: r.goodStanding, unit: r.unit })),
      issues: [],
    });
  }

  /** `actor`: the audit log's name of the caller; `confirmRemovals`: see rollImportBodySchema. */
  async function importRoll(unionId: string, csv: string, confirmRemovals: number | undefined, actor: string): Promise<Result<ResponseOf<'importRoll'>, ApiErrorCode>> {
    const parsed = await parse(unionId, csv);
    if (!parsed.ok) {
      if (!('issues' in parsed)) return parsed;
      const shown = parsed.issues.slice(0, 3).map((i) => `${i.line === null ? '' : `line ${i.line}`}${i.column === null ? '' : `, column ${i.column}`}: ${i.code}`);
      const more = parsed.issues.length > 3 ? `; and ${parsed.issues.length - 3} more (preview lists them all)` : '';
      return err('invalid_roll', `${parsed.issues.length} issue(s), nothing imported — ${shown.join('; ')}${more}`);
    }
    const { removed, disqualified } = changes(parsed.value);
    if (removed + disqualified > 0 && confirmRemovals !== removed + disqualified) {
      return err('removal_not_confirmed', `this import removes ${removed} and disqualifies ${disqualified} members: confirm ${removed + disqualified}`);
    }
    // The roll and its audit entry (with the counts) are written together or not at all.
    return store.transaction<ResponseOf<'importRoll'>, ApiErrorCode>(async (tx) => {
      const r = await tx.members.importRoll(unionId, parsed.value.rows);
      if (!r.ok) return r;
      const summary = { unionId, ...r.value, disqualified, dualMembers: dualMembers(parsed.value).length };
      await tx.audit.appendAudit({ actor, action: 'importRoll', voteId: null, details: JSON.stringify({ union: unionId, added: r.value.added, kept: r.value.kept, removed: r.value.removed, disqualified, eligible: r.value.eligible }) });
      return ok(summary);
    });
  }

  /** `by`: the caller as the audit log names it (the route appends the audit entry once this succeeds). */
  async function amend(voteId: string, amendment: { kind: 'added' | 'removed' | 'challenged'; memberNumber: string; reason: string }, by: string): Promise<Result<ResponseOf<'amendRoll'>, ApiErrorCode>> {
    if ((await store.votes.getVote(voteId)) === null) return err('vote_not_found', voteId);
    const r = await store.rolls.amendRoll(voteId, amendment);
    return r.ok ? ok({ ...r.value, by }) : r;
  }

  /**
   * Who made each amendment: the amendRoll route appends one audit entry per successful amendment,
   * in the same order as the roll's events, so the n-th event pairs with the n-th such entry.
   */
  async function amendmentActors(voteId: string): Promise<string[]> {
    const actors: string[] = [];
    for (let fromSeq = 1; ; ) {
      const page = await store.audit.listAudit({ voteId, fromSeq, limit: 1000 });
      for (const e of page) if (e.action === 'amendRoll') actors.push(e.actor);
      if (page.length < 1000) return actors;
      fromSeq = page[page.length - 1]!.seq + 1;
    }
  }

  async function events(voteId: string): Promise<Result<ResponseOf<'listRollEvents'>, ApiErrorCode>> {
    if ((await store.votes.getVote(voteId)) === null) return err('vote_not_found', voteId);
    const roll = await store.rolls.getRoll(voteId);
    if (roll === null) return err('roll_not_frozen', voteId);
    const entries = await store.rolls.listRollEntries(voteId);
    return ok({
      voteId,
      frozenCount: roll.frozenCount,
      eligible: entries.filter((e) => e.status === 'eligible').length,
      events: await (async () => {
        const actors = await amendmentActors(voteId);
        return (await store.rolls.listRollEvents(voteId)).map((e, i) => ({ ...e, by: actors[i] ?? null }));
      })(),
    });
  }

  return { createUnion, listUnions, preview, importRoll, amend, events };
}

export type RollService = ReturnType<typeof createRollService>;
