// Public surface of the roll module (re-exported by @ratify/protocol). Pure: no fs, no storage.
export * from './types.ts';
export { parseRollCsv } from './parse-roll-csv.ts';
export { formatRollCsv } from './format-roll-csv.ts';
export { isValidEmail } from './validate-row.ts';
