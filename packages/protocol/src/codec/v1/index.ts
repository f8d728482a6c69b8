// Public API of the `ratify/v2` JSON wire codecs (docs/protocol.md). Each object has
// `toWireX` (a plain canonical-JSON value), `encodeX` (its canonical text) and the strict
// `parseWireX(group, text)`. The decoding helpers in common.ts stay internal to the codecs.
export {
  WIRE_MAX_DEPTH,
  WIRE_MAX_TRUSTEES,
  WIRE_VERSION,
  type WireChallengeResponse,
  type WireCiphertext,
  type WireError,
  type WireResult,
} from './common.ts';
export * from './ballot.ts';
export * from './tally.ts';
export * from './ceremony.ts';
export * from './partial-decryption.ts';
/** The union `parseWireCeremonyMessage` returns (defined by @ratify/crypto), for callers' convenience. */
export type { CeremonyMessage } from '@ratify/crypto';
