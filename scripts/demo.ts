// `npm run demo`: the provider emulators and the app on a fresh demo vault — keys in every provider,
// both environments, some near expiry — a tour without any provider account. Runs in a private
// keyring (scripts/with-keyring.mjs), so no demo key touches your own keychain.
// `npm run demo -- --team`: the same vault as the lead of a demo team of three on a throwaway
// PostgreSQL (scripts/demo-team.ts), stopped with the rest on exit.
import { KeytarSecretStore } from '../electron/core/node/keychain/keytar-secret-store.js';
import { startBrowserMode } from '../electron/web/browser-mode.js';
import { openDemoTeam, type DemoTeam } from './demo-team.js';
import { openDemoVault } from './demo-vault.js';

const { home, emulators, keys, dashboards } = await openDemoVault();
let team: DemoTeam | null = null;
if (process.argv.includes('--team')) {
  try {
    team = await openDemoTeam(home, emulators);
  } catch (error) {
    await emulators.close();
    throw error;
  }
}
const { host, close } = await startBrowserMode({ home, secrets: new KeytarSecretStore(), port: process.env.KEYTURN_DEMO_PORT ? Number(process.env.KEYTURN_DEMO_PORT) : undefined });
process.stdout.write(
  [
    `Keyturn demo: ${keys.length} keys over four emulated providers, vault in ${home}`,
    `Open this link (it works once): ${host.launchUrl}`,
    'Emulated provider dashboards (the guided steps link here; no account needed):',
    ...dashboards.map(([provider, what, url]) => `  ${provider} dashboard, ${what}: ${url}`),
    ...(team ? team.lines : []),
    '',
  ].join('\n'),
);
await new Promise<void>((resolve) => {
  process.once('SIGINT', resolve);
  process.once('SIGTERM', resolve);
});
await close();
await emulators.close();
await team?.stop();
