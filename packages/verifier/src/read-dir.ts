// Reads a record directory into RecordFiles (file name → bytes), for Node callers (the CLI, tests).
// Only regular files at the top level are read; anything else is listed so `files` reports it.
// Must not interpret the contents (verifyRecord does).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecordFiles } from './types.ts';

export async function readRecordDir(dir: string): Promise<RecordFiles> {
  const files: Record<string, Uint8Array> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    files[entry.name] = entry.isFile() ? new Uint8Array(await readFile(join(dir, entry.name))) : new Uint8Array([0xff]);
  }
  return files;
}
