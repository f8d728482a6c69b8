// Generator of the `ratify/v2` wire golden files in this folder (see README.md).
//   regenerate:  node --import tsx test-vectors/protocol/wire-v1/generate.ts
//   check:       packages/protocol/test/codec-v1-golden.test.ts compares byte for byte.
// Regenerating must be a deliberate format change: a new codec version and a CHANGELOG entry.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildWireV1Fixtures, goldenFiles } from './fixtures.ts';

const DIR = fileURLToPath(new URL('./', import.meta.url));

for (const [name, text] of goldenFiles(buildWireV1Fixtures())) {
  writeFileSync(DIR + name, text);
  console.error(`wrote ${name} (${text.length} bytes)`);
}
