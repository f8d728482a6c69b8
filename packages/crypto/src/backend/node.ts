// "#backend" for Node (package.json "imports", condition "node"): the default ristretto255 group of
// the server, the CLI and the tests, chosen once per process by select.ts (native addon when built).
// Browsers get backend/browser.ts instead, so no bundle ever contains the native loader.
import { isMainThread } from 'node:worker_threads';
import { loadNativeBinding } from '../native/binding.ts';
import { BACKEND_ENV, selectBackend } from './select.ts';

const selected = selectBackend(
  process.env[BACKEND_ENV],
  () => loadNativeBinding(),
  (line) => {
    if (isMainThread) process.stderr.write(`${line}\n`);
  },
);

/** The default group of the protocol: ristretto255 on the fastest available backend. */
export const ristretto255 = selected.group;
/** Which backend `ristretto255` is, and why. */
export const cryptoBackend = selected.info;
