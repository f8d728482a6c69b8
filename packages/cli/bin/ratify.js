#!/usr/bin/env node
// The `ratify` command. Sources are TypeScript run through tsx (see docs/decisions/0001).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
