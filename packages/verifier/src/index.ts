// Public API of @ratify/verifier: verify an election record end to end (docs/record-format.md).
// Imports only @ratify/crypto, @ratify/protocol and node: built-ins.
export * from './types.ts';
export { verifyRecord } from './verify.ts';
export { readRecordDir } from './read-dir.ts';
export { formatReport, reportToJson } from './format.ts';
export { JSON_FILES, JSONL_FILES, RECORD_FORMAT } from './files.ts';
