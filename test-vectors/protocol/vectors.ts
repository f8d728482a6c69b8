// Access to the protocol golden files for tests (the protocol package itself may not touch the file
// system; this folder is outside its lint boundary on purpose). Read-only: files change only through
// generate.ts, and a change is a new codec version plus a CHANGELOG entry under "Protocol/crypto".
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const VECTORS_DIR = fileURLToPath(new URL('./', import.meta.url));

/** The exact bytes of a golden file, as UTF-8 text (no newline is added or removed). */
export function readVector(name: string): string {
  return readFileSync(VECTORS_DIR + name, 'utf8');
}

export function readVectorBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(VECTORS_DIR + name));
}
