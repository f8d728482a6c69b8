// Public API of @ratify/engine.
export * from './engine.ts';
export * from './setup.ts';
export * from './credential-authority.ts';
export * from './casting.ts';
export * from './credential-holders.ts';
export * from './cast-group.ts';
export * from './counting.ts';
export * from './export-record.ts';
export * from './vote-context.ts';
export * from './board-writer.ts';
export * from './simulate.ts';
export * from './local-ceremony.ts';
export * from './ballot-check.ts';
export * from './ballot-check-pool.ts';
export * from './staff-accounts.ts';
export * from './staff-security.ts';
