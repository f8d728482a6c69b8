// Contracts and bargaining sessions (docs/bargaining.md). A contract's status moves only along the
// transitions stated in CONTRACT_TRANSITIONS; sessions sit on the contract's timeline and the
// "days of formal negotiations" are counted from them, never typed. Pure: no I/O, no clocks.
import { err, ok, type Result } from '@ratify/crypto';
import { z } from 'zod';
import { dayNumber, daySchema, slugSchema, textSchema } from './common.ts';

export const CONTRACT_STATUSES = [
  'in_force', 'expired', 'working_without_contract', 'final_offer', 'tentative_agreement', 'ratified', 'rejected', 'strike', 'lockout',
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/**
 * The allowed status changes (from → to). A contract in force expires or is settled early; after
 * expiry the parties work without a contract, table a final offer, reach a tentative agreement, or
 * strike / lock out; a tentative agreement (or a final offer put to the members) is ratified or
 * rejected; a ratified agreement comes into force.
 */
export const CONTRACT_TRANSITIONS: { readonly [S in ContractStatus]: readonly ContractStatus[] } = {
  in_force: ['expired', 'final_offer', 'tentative_agreement'],
  expired: ['working_without_contract', 'final_offer', 'tentative_agreement', 'strike', 'lockout'],
  working_without_contract: ['final_offer', 'tentative_agreement', 'strike', 'lockout'],
  final_offer: ['tentative_agreement', 'ratified', 'rejected', 'working_without_contract', 'strike', 'lockout'],
  tentative_agreement: ['ratified', 'rejected'],
  ratified: ['in_force'],
  rejected: ['working_without_contract', 'final_offer', 'tentative_agreement', 'strike', 'lockout'],
  strike: ['final_offer', 'tentative_agreement', 'working_without_contract'],
  lockout: ['final_offer', 'tentative_agreement', 'working_without_contract'],
};

export type ContractTransitionError = 'invalid_status_transition';

/** ok if `from → to` is one of CONTRACT_TRANSITIONS (staying in the same status is not a transition). */
export function checkContractTransition(from: ContractStatus, to: ContractStatus): Result<ContractStatus, ContractTransitionError> {
  return CONTRACT_TRANSITIONS[from].includes(to) ? ok(to) : err('invalid_status_transition', `${from} → ${to} is not allowed`);
}

export type Contract = {
  readonly id: string;
  readonly title: string;
  /** The parties, e.g. the union and the employers' association (at least two). */
  readonly parties: readonly string[];
  /** The bargaining unit the contract covers. */
  readonly coveredUnit: string;
  readonly effectiveDate: string;
  readonly expiryDate: string;
  readonly status: ContractStatus;
};

export const contractSchema: z.ZodType<Contract> = z.strictObject({
  id: slugSchema,
  title: textSchema(200),
  parties: z.array(textSchema(200)).min(2).max(8),
  coveredUnit: textSchema(500),
  effectiveDate: daySchema,
  expiryDate: daySchema,
  status: z.enum(CONTRACT_STATUSES),
});

export type ContractError = 'schema_mismatch' | 'dates_out_of_order' | 'duplicate_party';

/** Cross-field checks of a schema-valid contract. */
export function checkContract(c: Contract): Result<Contract, ContractError> {
  if (c.expiryDate <= c.effectiveDate) return err('dates_out_of_order', 'the expiry date must be after the effective date');
  if (new Set(c.parties).size !== c.parties.length) return err('duplicate_party', 'each party is named once');
  return ok(c);
}

export const SESSION_KINDS = ['formal', 'informal'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** A bargaining session: one day, or from `date` to `endDate` inclusive. */
export type BargainingSession = {
  readonly id: string;
  readonly contractId: string;
  readonly date: string;
  readonly endDate?: string;
  readonly kind: SessionKind;
  readonly notes?: string;
};

/** The longest session a single entry may span (a longer stretch is entered as several sessions). */
export const MAX_SESSION_DAYS = 92;

export const sessionSchema: z.ZodType<BargainingSession> = z.strictObject({
  id: slugSchema,
  contractId: slugSchema,
  date: daySchema,
  endDate: daySchema.exactOptional(),
  kind: z.enum(SESSION_KINDS),
  notes: textSchema(4000, true).exactOptional(),
});

export type SessionError = 'schema_mismatch' | 'session_dates_out_of_order' | 'session_too_long';

export function checkSession(s: BargainingSession): Result<BargainingSession, SessionError> {
  if (s.endDate === undefined) return ok(s);
  if (s.endDate < s.date) return err('session_dates_out_of_order', 'endDate must not be before date');
  if (dayNumber(s.endDate) - dayNumber(s.date) + 1 > MAX_SESSION_DAYS) return err('session_too_long', `a session spans at most ${MAX_SESSION_DAYS} days`);
  return ok(s);
}

/**
 * Days of formal negotiations: the number of distinct calendar days covered by at least one formal
 * session (a session covers every day from `date` to `endDate`, inclusive). Two formal sessions on
 * the same day count once; informal sessions never count.
 */
export function formalNegotiationDays(sessions: readonly BargainingSession[]): number {
  const days = new Set<number>();
  for (const s of sessions) {
    if (s.kind !== 'formal') continue;
    const first = dayNumber(s.date);
    const last = s.endDate === undefined ? first : dayNumber(s.endDate);
    for (let d = first; d <= last; d++) days.add(d);
  }
  return days.size;
}

/** Sessions in timeline order: by start day, then end day, then id. */
export function sortSessions(sessions: readonly BargainingSession[]): readonly BargainingSession[] {
  return [...sessions].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : (a.endDate ?? a.date) !== (b.endDate ?? b.date) ? ((a.endDate ?? a.date) < (b.endDate ?? b.date) ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}
