// Runs all four emulators in their own process:
//   npx tsx test/emulators/serve.ts [--latency MS] [--seed] [--mode PROVIDER.NAME=VALUE ...]
// (`--mode nora.endpoints=with-instance`: a reading where a document is silent; README.md)
// Prints one JSON line (URLs, control tokens, and with --seed the seeded keys), then serves
// until SIGTERM or SIGINT.
import { parseArgs } from 'node:util';
import { startAllEmulators } from './index.js';
import type { EmulatorOptions } from './index.js';
import { noraModesSchema } from './nora.js';
import { xerotierModesSchema } from './xerotier.js';
import { xoraModesSchema } from './xora.js';
import { seedEmulators } from './seed.js';
import type { SeedSummary } from './seed.js';

const { values } = parseArgs({
  options: { latency: { type: 'string' }, seed: { type: 'boolean', default: false }, mode: { type: 'string', multiple: true, default: [] } },
  strict: true,
});
const latencyMs = values.latency === undefined ? 0 : Number(values.latency);
if (!Number.isInteger(latencyMs) || latencyMs < 0) {
  console.error(`serve: --latency takes a whole number of milliseconds, not "${values.latency ?? ''}"`);
  process.exit(2);
}

const modes = modesFrom(values.mode);
const all = await startAllEmulators({ latencyMs, ...modes });
const seeded: SeedSummary | undefined = values.seed ? seedEmulators(all) : undefined;
const control = (e: { controlUrl: string; controlToken: string; dashboardUrl(): string }) => ({ controlUrl: e.controlUrl, controlToken: e.controlToken, dashboardUrl: e.dashboardUrl() });

const summary = {
  xora: { baseUrl: all.xora.baseUrl(), ...control(all.xora), keys: seeded?.xora ?? [] },
  nexora: { baseUrl: all.nexora.baseUrl(), ...control(all.nexora), users: all.nexora.control.users(), keys: seeded?.nexora ?? [] },
  nora: {
    baseUrls: { sandbox: all.nora.baseUrl('sandbox'), production: all.nora.baseUrl('production') },
    ...control(all.nora),
    keys: seeded?.nora ?? [],
  },
  xerotier: { baseUrl: all.xerotier.baseUrl(), ...control(all.xerotier), projects: all.xerotier.control.projects(), keys: seeded?.xerotier ?? [] },
};
process.stdout.write(`${JSON.stringify(summary)}\n`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  // Closing every server leaves nothing on the event loop, so the process then exits with 0.
  all.close().catch((error: unknown) => {
    console.error('serve: closing failed', error);
    process.exitCode = 1;
  });
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

function modesFrom(specs: string[]): Pick<EmulatorOptions, 'xora' | 'nora' | 'xerotier'> {
  const given: Record<string, Record<string, string>> = {};
  for (const spec of specs) {
    const match = /^(xora|nora|xerotier)\.(\w+)=(.+)$/.exec(spec);
    if (!match) fail(`--mode takes PROVIDER.NAME=VALUE (xora, nora or xerotier), not "${spec}"`);
    const [, provider = '', name = '', value = ''] = match;
    (given[provider] ??= {})[name] = value;
  }
  const parsed = {
    xora: xoraModesSchema.safeParse(given.xora ?? {}),
    nora: noraModesSchema.safeParse(given.nora ?? {}),
    xerotier: xerotierModesSchema.safeParse(given.xerotier ?? {}),
  };
  for (const [provider, result] of Object.entries(parsed)) {
    if (!result.success) fail(`--mode ${provider}: ${result.error.issues.map((i) => `${i.path.join('.') || i.message}: ${i.message}`).join('; ')}`);
  }
  return { xora: parsed.xora.data ?? {}, nora: parsed.nora.data ?? {}, xerotier: parsed.xerotier.data ?? {} };
}

function fail(message: string): never {
  console.error(`serve: ${message}`);
  process.exit(2);
}
