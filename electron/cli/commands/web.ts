import type { Command } from 'commander';
import { KeytarSecretStore } from '../../core/node/keychain/keytar-secret-store.js';
import { resolveHome } from '../../core/node/store/home.js';
import { startBrowserMode } from '../../web/browser-mode.js';
import type { CliContext } from '../context.js';
import { parsePort } from './parsers.js';

/** What stops browser mode: Ctrl+C, a service manager's stop, the terminal closing. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function registerWebCommand(program: Command, ctx: CliContext): void {
  program
    .command('web')
    .description('serve the app in a browser on 127.0.0.1 (where the desktop app cannot run)')
    .option('--port <port>', 'port on 127.0.0.1 (default: any free one)', parsePort)
    .action(async (opts: { port?: number }) => {
      const home = resolveHome(program.opts<{ home?: string }>().home, ctx.io.env);
      const { host, close } = await startBrowserMode({ home, secrets: new KeytarSecretStore(), port: opts.port });
      ctx.io.out(`Keyturn is running in browser mode. Open this link (it works once):\n${host.launchUrl}\n`);
      await new Promise<void>((resolve) => {
        for (const signal of STOP_SIGNALS) process.once(signal, resolve);
      });
      // The same signal may come again (a terminal's Ctrl+C reaches this process and the launcher
      // that passes it on): it must not cut the close short.
      for (const signal of STOP_SIGNALS) process.on(signal, () => undefined);
      await close();
    });
}
