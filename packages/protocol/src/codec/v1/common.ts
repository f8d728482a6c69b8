// Shared pieces of the `ratify/v2` JSON wire codecs (docs/protocol.md §W1): the error
// codes, hex/element/scalar schemas sized by the group, the strict decoders that turn checked hex
// into group elements and scalars (reporting the JSON path of the first failure), and the one parse
// pipeline every codec uses: size → JSON → schema → exact canonical bytes → group decoding.
// Must not know any message type; must not verify proofs (the protocol checkers do).
import {
  type ChallengeResponse,
  type Ciphertext,
  type Err,
  type Group,
  type GroupElement,
  type Result,
  type Scalar,
  err,
  fromHex,
  ok,
  toHex,
} from '@ratify/crypto';
import { z } from 'zod';
import { type CanonicalParseError, type ParseLimits, parseCanonical } from '../canonical-json.ts';

/** The version tag every top-level v1 wire object carries in its `version` field. */
export const WIRE_VERSION = 'ratify/v2';

/**
 * Why a wire object was refused. The first four come from canonical JSON parsing (§M1); then
 * `invalid_element` (not a canonical encoding of a group element), `identity` (the identity where it
 * is not allowed) and `non_canonical_scalar` (a scalar ≥ ℓ). `detail` names the JSON path.
 */
export type WireError = CanonicalParseError | 'invalid_element' | 'identity' | 'non_canonical_scalar';
export type WireResult<T> = Result<T, WireError>;

/** Largest trustee index and count in v1 (the manifest allows at most 64 trustees). */
export const WIRE_MAX_TRUSTEES = 64;
/** Nesting bound for every v1 wire object (the deepest, a ballot, nests 6 levels). */
export const WIRE_MAX_DEPTH = 8;

export type WireCiphertext = { readonly alpha: string; readonly beta: string };
export type WireChallengeResponse = { readonly challenge: string; readonly response: string };

/**
 * Hex of exactly `bytes` bytes. Either case passes the schema so that uppercase hex, which spells
 * the same bytes, is reported as `non_canonical` by `decodeHex` (with its path), not as a shape error.
 */
export function hexSchema(bytes: number): z.ZodString {
  return z
    .string()
    .length(2 * bytes)
    .regex(/^[0-9a-fA-F]*$/, `expected ${bytes} bytes as ${2 * bytes} hex characters`);
}

/** A trustee index: an integer in [1, WIRE_MAX_TRUSTEES]. */
export const trusteeIndexSchema = z.int().min(1).max(WIRE_MAX_TRUSTEES);

export type GroupSchemas = {
  readonly element: z.ZodString;
  readonly scalar: z.ZodString;
  readonly ciphertext: z.ZodType<WireCiphertext>;
  readonly challengeResponse: z.ZodType<WireChallengeResponse>;
};

/** Caches a schema built for one group (schemas depend on its element and scalar lengths). */
export function perGroup<T>(build: (group: Group) => T): (group: Group) => T {
  const cache = new WeakMap<Group, T>();
  return (group) => {
    const cached = cache.get(group);
    if (cached !== undefined) return cached;
    const built = build(group);
    cache.set(group, built);
    return built;
  };
}

/** The hex schemas for a group's element and scalar lengths. */
export const groupSchemas = perGroup((group): GroupSchemas => {
  const element = hexSchema(group.elementLength);
  const scalar = hexSchema(group.scalars.byteLength);
  return {
    element,
    scalar,
    ciphertext: z.strictObject({ alpha: element, beta: element }),
    challengeResponse: z.strictObject({ challenge: scalar, response: scalar }),
  };
});

// ---- decoding (after the schema has checked lengths and the hex alphabet) ----

/** Lowercase hex to bytes; uppercase digits are a non-canonical spelling. */
export function decodeHex(hex: string, path: string): WireResult<Uint8Array> {
  const bytes = fromHex(hex);
  if (bytes === undefined) return err('non_canonical', `${path}: hex must be lowercase`);
  return ok(bytes);
}

export function decodeElementAt(
  group: Group,
  hex: string,
  path: string,
  allowIdentity: boolean,
): WireResult<GroupElement> {
  const bytes = decodeHex(hex, path);
  if (!bytes.ok) return bytes;
  const element = group.decodeElement(bytes.value, { allowIdentity });
  if (element.ok) return element;
  switch (element.error) {
    case 'identity':
      return err('identity', `${path}: the identity is not allowed here`);
    case 'bad_length':
    case 'invalid_element':
      return err('invalid_element', `${path}: not a canonical ${group.name} element encoding`);
  }
}

export function decodeScalarAt(group: Group, hex: string, path: string): WireResult<Scalar> {
  const bytes = decodeHex(hex, path);
  if (!bytes.ok) return bytes;
  const scalar = group.scalars.decode(bytes.value);
  return scalar.ok ? scalar : err('non_canonical_scalar', `${path}: scalar is not reduced mod the group order`);
}

export function decodeChallengeResponseAt(
  group: Group,
  wire: WireChallengeResponse,
  path: string,
): WireResult<ChallengeResponse> {
  const challenge = decodeScalarAt(group, wire.challenge, `${path}.challenge`);
  if (!challenge.ok) return challenge;
  const response = decodeScalarAt(group, wire.response, `${path}.response`);
  if (!response.ok) return response;
  return ok({ challenge: challenge.value, response: response.value });
}

/** α may be the identity only when `allowIdentityAlpha` (computed sums); β always may. */
export function decodeCiphertextAt(
  group: Group,
  wire: WireCiphertext,
  path: string,
  allowIdentityAlpha: boolean,
): WireResult<Ciphertext> {
  const alpha = decodeElementAt(group, wire.alpha, `${path}.alpha`, allowIdentityAlpha);
  if (!alpha.ok) return alpha;
  const beta = decodeElementAt(group, wire.beta, `${path}.beta`, true);
  if (!beta.ok) return beta;
  return ok({ alpha: alpha.value, beta: beta.value });
}

/** Decodes every item in order; the first failure wins (its path has the index). */
export function decodeEach<A, B>(
  items: readonly A[],
  path: string,
  decode: (item: A, path: string) => WireResult<B>,
): WireResult<B[]> {
  const out: B[] = [];
  for (const [i, item] of items.entries()) {
    const decoded = decode(item, `${path}[${i}]`);
    if (!decoded.ok) return decoded;
    out.push(decoded.value);
  }
  return ok(out);
}

/** The parse pipeline of every v1 codec: canonical JSON + schema, then strict group decoding. */
export function parseWire<W, T>(
  text: string,
  schema: z.ZodType<W>,
  limits: ParseLimits,
  decode: (wire: W) => WireResult<T>,
): WireResult<T> {
  const parsed = parseCanonical(text, schema, limits);
  return parsed.ok ? decode(parsed.value) : (parsed satisfies Err<CanonicalParseError>);
}

// ---- encoding ----

export const elementToHex = (group: Group, element: GroupElement): string => toHex(group.encodeElement(element));
export const scalarToHex = (group: Group, scalar: Scalar): string => toHex(group.scalars.encode(scalar));

export const toWireCiphertext = (group: Group, c: Ciphertext): WireCiphertext => ({
  alpha: elementToHex(group, c.alpha),
  beta: elementToHex(group, c.beta),
});

export const toWireChallengeResponse = (group: Group, p: ChallengeResponse): WireChallengeResponse => ({
  challenge: scalarToHex(group, p.challenge),
  response: scalarToHex(group, p.response),
});
