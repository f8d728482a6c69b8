// Public API of @ratify/protocol/bargaining: contracts, sessions, offers with structured terms,
// documents and the offer comparison (docs/bargaining.md). Pure and browser-safe.
export * from './common.ts';
export * from './contract.ts';
export * from './terms.ts';
export * from './offer.ts';
export * from './compare.ts';
export * from './document.ts';
