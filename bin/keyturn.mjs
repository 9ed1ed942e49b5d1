#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/keyturn.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('keyturn: the CLI is not built yet; run "npm run build:cli" (npm ci does it)\n');
  process.exit(3);
}
await import(bundle);
