#!/usr/bin/env node
// `npm start`: the desktop app where it exists; until then, the command line.
import { spawnSync } from 'node:child_process';

console.log('Keyturn: the vault and its command line are ready; run "npm run -s keyturn -- --help" for every command.\n');
const result = spawnSync(process.execPath, ['bin/keyturn.mjs', '--help'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
