#!/usr/bin/env node
// Doyensec's electronegativity over the desktop shell: fails on any high-severity finding.
// Its TypeScript parser predates the syntax used here, so it reads the shell transpiled to plain
// JavaScript (one file per source file, as written, without the bundled dependencies).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const runner = require('@doyensec/electronegativity/dist/runner.js');
const run = runner.default ?? runner;

const work = mkdtempSync(join(tmpdir(), 'keyturn-electronegativity-'));
try {
  const sources = ['electron/main', 'electron/preload'].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f)));
  await build({ entryPoints: sources, outdir: join(work, 'src'), outbase: 'electron', format: 'cjs', platform: 'node', target: 'node22', bundle: false, logLevel: 'warning' });
  // The built page the window loads, with its CSP meta tag, and the Electron version the checks apply to.
  writeFileSync(join(work, 'src', 'index.html'), readFileSync('dist/renderer/index.html'));
  const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
  writeFileSync(join(work, 'src', 'package.json'), JSON.stringify({ name: 'keyturn', devDependencies: { electron: electronVersion } }));

  const result = await run({ input: join(work, 'src'), isSarif: false, customScan: [], excludeFromScan: [], severitySet: 'informational', confidenceSet: 'tentative', isRelative: true, electronVersionOverride: electronVersion, parserPlugins: [] }, false);
  const issues = result.issues ?? [];
  const high = issues.filter((i) => i.severity?.name === 'HIGH');
  for (const issue of issues) console.log(`${issue.severity?.name ?? '?'} ${issue.confidence?.name ?? ''} ${issue.id} ${issue.file}:${issue.location?.line ?? ''} ${issue.description ?? ''}`);
  const broken = (result.errors ?? []).filter((e) => !e.tolerable);
  for (const e of broken) console.error(`could not read ${e.file}: ${e.message}`);
  console.log(`electronegativity (Electron ${electronVersion}): ${issues.length} finding(s), ${high.length} of high severity, ${sources.length} files`);
  if (high.length > 0 || broken.length > 0) process.exit(1);
} finally {
  rmSync(work, { recursive: true, force: true });
}
