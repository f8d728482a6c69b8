// Writing an election record (engine RecordFiles: name → canonical text) into a directory, byte for
// byte (docs/record-format.md). Existing record files of the same names are replaced.
import { join } from 'node:path';
import { makeDir, writeText } from './io.ts';

export async function writeRecordDir(dir: string, files: ReadonlyMap<string, string>): Promise<string[]> {
  await makeDir(dir);
  const names = [...files.keys()].sort();
  for (const name of names) await writeText(join(dir, name), files.get(name)!);
  return names;
}
