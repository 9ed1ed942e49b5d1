import type { Command } from 'commander';
import { KeytarSecretStore } from '../../core/keychain/keytar-secret-store.js';
import { resolveHome } from '../../core/store/home.js';
import { startBrowserMode } from '../../web/browser-mode.js';
import type { CliContext } from '../context.js';
import { parsePort } from './parsers.js';

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
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await close();
    });
}
