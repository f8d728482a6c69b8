// Browser stand-in for `csv-parse/sync`, aliased in vite.config.ts. @ratify/protocol's roll import
// uses csv-parse, which needs Node's Buffer at module load; the pages never parse a roll, so the
// browser build gets this stub instead (smaller, and no Buffer). Calling it is a bug.
export class CsvError extends Error {}

export function parse(): never {
  throw new Error('roll CSV parsing is not available in the browser');
}
