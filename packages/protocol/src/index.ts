// Public API of @ratify/protocol. Other packages import from here only. Roll CSV parsing is the
// subpath @ratify/protocol/roll (it uses csv-parse, which needs Node's Buffer: browsers never load it).
export * from './codec/canonical-json.ts';
export * from './ids.ts';
export * from './rules.ts';
export * from './manifest.ts';
export * from './channels.ts';
export * from './envelopes.ts';
export * from './follow-ups.ts';
export * from './fingerprint.ts';
export * from './credentials.ts';
export * from './credential-authority.ts';
export * from './ballot/index.ts';
export * from './board.ts';
export * from './receipt.ts';
export * from './tally.ts';
export * from './ceremony-context.ts';
export * from './result.ts';
export * from './codec/v1/index.ts';
