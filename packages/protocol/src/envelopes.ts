// Mail ballots' envelope ids and the strike-off rule (docs/protocol.md §M8, decision 0025).
// An envelope id is 80 random bits — never derived from the member number — written as 16 Crockford
// base32 symbols and one check symbol (mod 37), grouped for typing: `7K2M-9QXD-4HNR-B1TC-Y`. Staff
// scan it from the return label's barcode or type it; typing slips (a wrong or swapped symbol) are
// caught by the check symbol before any lookup. The strike-off decisions are pure functions of the
// manifest's precedence rule and what is known about the member, so the engine, its tests and the
// documentation share one table. Pure: no I/O, no clocks.
import { type RandomSource, err, ok, type Result } from '@ratify/crypto';
import type { Channels } from './channels.ts';

declare const envelopeIdBrand: unique symbol;
/** Canonical form: `XXXX-XXXX-XXXX-XXXX-C`, upper case. */
export type EnvelopeId = string & { readonly [envelopeIdBrand]: true };

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Crockford's check symbols for values 32–36. */
const CHECK = `${ALPHABET}*~$=U`;
const DATA_SYMBOLS = 16;

function checkSymbol(symbols: string): string {
  let mod = 0;
  for (const c of symbols) mod = (mod * 32 + ALPHABET.indexOf(c)) % 37;
  return CHECK[mod]!;
}

function format(symbols: string): EnvelopeId {
  const groups = symbols.match(/.{4}/g)!;
  return `${groups.join('-')}-${checkSymbol(symbols)}` as EnvelopeId;
}

/** A fresh envelope id: 10 random bytes (80 bits), never anything about the member. */
export function newEnvelopeId(random: RandomSource): EnvelopeId {
  const bytes = random(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let symbols = '';
  for (let i = DATA_SYMBOLS - 1; i >= 0; i--) symbols += ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)];
  return format(symbols);
}

export type EnvelopeIdError = 'envelope_id_malformed' | 'envelope_id_check_failed';

/**
 * Reads an envelope id as scanned or typed: case-insensitive, hyphens and spaces anywhere, Crockford's
 * aliases (O → 0, I and L → 1); 16 symbols and the check symbol, which must match.
 */
export function parseEnvelopeId(text: string): Result<EnvelopeId, EnvelopeIdError> {
  if (text.length > 64) return err('envelope_id_malformed', 'too long');
  const cleaned = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== DATA_SYMBOLS + 1) return err('envelope_id_malformed', `expected ${DATA_SYMBOLS} symbols and a check symbol`);
  const data = cleaned.slice(0, DATA_SYMBOLS);
  const check = cleaned.slice(DATA_SYMBOLS);
  if ([...data].some((c) => !ALPHABET.includes(c)) || !CHECK.includes(check)) return err('envelope_id_malformed', 'a symbol outside Crockford base32');
  if (checkSymbol(data) !== check) return err('envelope_id_check_failed', 'the check symbol does not match: a symbol was mistyped');
  return ok(format(data));
}

/** What the strike-off knows about the member behind a received envelope. */
export type EnvelopeFacts = {
  /** The envelope id was issued for this vote (else the envelope is refused, nothing is recorded). */
  readonly issued: boolean;
  /** The member is on the vote's frozen roll (removed by an audited amendment: false). */
  readonly onRoll: boolean;
  /** This member's envelope was already received (accepted or set aside). */
  readonly alreadyReceived: boolean;
  /** The member has an online ballot that counts. */
  readonly votedOnline: boolean;
};

export type EnvelopeDecision =
  | { readonly kind: 'accept' }
  | { readonly kind: 'set_aside'; readonly reason: 'not_on_roll' | 'already_received' | 'voted_online' }
  | { readonly kind: 'refuse'; readonly reason: 'unknown_envelope' | 'mail_not_accepted' };

/**
 * The strike-off of one envelope (§M8). Both precedence rules set aside an envelope from a member
 * who voted online: under `first_received` the online ballot came first; under `online_counts` the
 * online ballot always counts.
 */
export function decideEnvelope(channels: Channels, facts: EnvelopeFacts): EnvelopeDecision {
  if (!channels.accepted.includes('mail')) return { kind: 'refuse', reason: 'mail_not_accepted' };
  if (!facts.issued) return { kind: 'refuse', reason: 'unknown_envelope' };
  if (facts.alreadyReceived) return { kind: 'set_aside', reason: 'already_received' };
  if (!facts.onRoll) return { kind: 'set_aside', reason: 'not_on_roll' };
  if (facts.votedOnline) return { kind: 'set_aside', reason: 'voted_online' };
  return { kind: 'accept' };
}

export type OnlineBallotDecision =
  | { readonly kind: 'accept' }
  /** `online_counts`: the ballot is accepted and the member's accepted envelope is set aside unopened. */
  | { readonly kind: 'accept_and_withdraw_envelope' }
  | { readonly kind: 'refuse'; readonly reason: 'mail_ballot_received' | 'online_not_accepted' };

/** Whether an online ballot may be cast by a member, given whether their envelope was accepted (§M8). */
export function decideOnlineBallot(channels: Channels, envelopeAccepted: boolean): OnlineBallotDecision {
  if (!channels.accepted.includes('online')) return { kind: 'refuse', reason: 'online_not_accepted' };
  if (!envelopeAccepted) return { kind: 'accept' };
  return channels.precedence === 'online_counts' ? { kind: 'accept_and_withdraw_envelope' } : { kind: 'refuse', reason: 'mail_ballot_received' };
}
