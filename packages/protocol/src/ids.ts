// Branded identifiers and byte strings of the protocol. Only the parse functions here mint a brand
// (the zod schemas call them), so a `VoteId` in a type is always a checked one. Pure: no I/O.
// Must not hold any domain logic beyond the syntax of the identifiers.
import { err, fromHex, ok, systemRandom, toHex, type RandomSource, type Result } from '@ratify/crypto';
import { z } from 'zod';

declare const idBrand: unique symbol;
type Brand<Name extends string> = string & { readonly [idBrand]: Name };

export type VoteId = Brand<'VoteId'>;
export type UnionId = Brand<'UnionId'>;
export type MemberId = Brand<'MemberId'>;
export type QuestionId = Brand<'QuestionId'>;
export type OptionId = Brand<'OptionId'>;
export type TrusteeId = Brand<'TrusteeId'>;
export type OfferId = Brand<'OfferId'>;
export type TemplateId = Brand<'TemplateId'>;
/** Lowercase hex of exactly 32 bytes (64 characters), e.g. a group element encoding. */
export type Hex32 = Brand<'Hex32'>;
/** Lowercase hex of exactly 64 bytes (128 characters), e.g. a SHA-512 digest. */
export type Hex64 = Brand<'Hex64'>;
/** A vote's random election id (docs/protocol.md §M3): 16 bytes from the platform CSPRNG, 32 lowercase hex. */
export type ElectionId = Brand<'ElectionId'>;

export type IdError = 'invalid_id';
export type HexError = 'invalid_hex';

/** The slug syntax shared by every identifier: 1–64 of [a-z0-9-_], starting with [a-z0-9]. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

const slug =
  <B extends string>(what: string) =>
  (input: string): Result<B, IdError> =>
    SLUG_PATTERN.test(input) ? ok(input as B) : err('invalid_id', `${what} must match ${SLUG_PATTERN.source}`);

export const parseVoteId = slug<VoteId>('vote id');
export const parseUnionId = slug<UnionId>('union id');
export const parseMemberId = slug<MemberId>('member id');
export const parseQuestionId = slug<QuestionId>('question id');
export const parseOptionId = slug<OptionId>('option id');
export const parseTrusteeId = slug<TrusteeId>('trustee id');
export const parseOfferId = slug<OfferId>('offer id');
export const parseTemplateId = slug<TemplateId>('template id');

const orThrow =
  <B extends string>(parse: (s: string) => Result<B, IdError>) =>
  (input: string): B => {
    const r = parse(input);
    if (!r.ok) throw new Error(`${JSON.stringify(input)}: ${r.detail ?? r.error}`);
    return r.value;
  };

/**
 * Parse-or-throw twins, for ids valid by construction: rows read back from our own database (the
 * schema only ever received parsed ids) and test fixtures. Input from people or the network goes
 * through the Result-returning parsers above.
 */
export const asVoteId = orThrow(parseVoteId);
export const asUnionId = orThrow(parseUnionId);

const hex =
  <B extends string>(bytes: number) =>
  (input: string): Result<B, HexError> =>
    input.length === 2 * bytes && fromHex(input) !== undefined
      ? ok(input as B)
      : err('invalid_hex', `expected ${bytes} bytes as ${2 * bytes} lowercase hex characters`);

export const parseHex32 = hex<Hex32>(32);
export const parseHex64 = hex<Hex64>(64);
export const ELECTION_ID_BYTES = 16;
export const parseElectionId = hex<ElectionId>(ELECTION_ID_BYTES);
export const asElectionId = (input: string): ElectionId => {
  const r = parseElectionId(input);
  if (!r.ok) throw new Error(`${JSON.stringify(input)}: election id ${r.detail ?? r.error}`);
  return r.value;
};

/** A fresh election id: 128 bits from `rng` (the platform CSPRNG unless a test seeds one). */
export function generateElectionId(rng: RandomSource = systemRandom): ElectionId {
  return toHex(rng(ELECTION_ID_BYTES)) as ElectionId;
}

/** Decodes a checked hex brand to bytes (cannot fail: the brand guarantees the syntax). */
export function hexToBytes(value: Hex32 | Hex64): Uint8Array {
  const bytes = fromHex(value);
  if (bytes === undefined) throw new Error('branded hex is not hex');
  return bytes;
}

/** A zod schema for a string that a parse function accepts; the output carries the brand. */
export function brandedString<B extends string, E extends string>(parse: (s: string) => Result<B, E>): z.ZodType<B, unknown> {
  return z.string().transform((s, ctx) => {
    const r = parse(s);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.detail ?? r.error });
    return z.NEVER;
  });
}

export const voteIdSchema = brandedString(parseVoteId);
export const unionIdSchema = brandedString(parseUnionId);
export const memberIdSchema = brandedString(parseMemberId);
export const questionIdSchema = brandedString(parseQuestionId);
export const optionIdSchema = brandedString(parseOptionId);
export const trusteeIdSchema = brandedString(parseTrusteeId);
export const offerIdSchema = brandedString(parseOfferId);
export const templateIdSchema = brandedString(parseTemplateId);
export const hex32Schema = brandedString(parseHex32);
export const hex64Schema = brandedString(parseHex64);
export const electionIdSchema = brandedString(parseElectionId);
