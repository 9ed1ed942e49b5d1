import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { installHooks, uninstallHooks } from '../../core/node/hooks/install-hooks.js';
import type { CliContext } from '../context.js';

/**
 * What starts this very keyturn from a hook: the node running it and its `bin/keyturn.mjs`, by
 * full path (found from this file's place, in the sources or in the bundle under dist/cli).
 */
export function keyturnLauncher(): string[] {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const bin = join(dir, 'bin', 'keyturn.mjs');
    if (existsSync(bin)) return [process.execPath, bin];
    const parent = dirname(dir);
    // Not found (a copy of the bundle alone): the hook starts the keyturn on PATH.
    if (parent === dir) return ['keyturn'];
    dir = parent;
  }
}

export function registerHookCommands(program: Command, ctx: CliContext): void {
  const hook = program.command('hook').description('git hooks that stop a commit (or a push) adding an API key: they run "keyturn scan --staged" ("--pushed")');
  hook
    .command('install')
    .description('write a pre-commit hook in the folder git runs hooks from (core.hooksPath honoured, as husky sets it)')
    .argument('[repo]', 'the repository (default: the current folder)')
    .option('--pre-push', 'also a pre-push hook, scanning the commits a push sends')
    .option('--force', 'replace a hook Keyturn did not write (it is kept as HOOK.keyturn-replaced; "hook uninstall" puts it back)')
    .action(async (repo: string | undefined, opts: { prePush?: boolean; force?: boolean }) => {
      const home = program.opts<{ home?: string }>().home;
      const installed = await installHooks(resolve(repo ?? '.'), { launcher: keyturnLauncher(), ...(home ? { home: resolve(home) } : {}), prePush: opts.prePush ?? false, force: opts.force ?? false });
      for (const h of installed.hooks) {
        if (h.replacedKeptAs) ctx.io.out(`kept the ${h.hook} hook that was there as ${h.replacedKeptAs} (it no longer runs; "keyturn hook uninstall" puts it back)\n`);
        ctx.io.out(`${h.reinstalled ? 'reinstalled' : 'installed'} the ${h.hook} hook: ${h.path}\n`);
      }
      ctx.io.out(`a ${installed.hooks.length > 1 ? 'commit or push' : 'commit'} that adds a key is now stopped; a finding you accept goes in .keyturnignore\n`);
    });
  hook
    .command('uninstall')
    .description('remove the hooks Keyturn wrote (a hook they replaced is put back; another hook is left as it is)')
    .argument('[repo]', 'the repository (default: the current folder)')
    .action(async (repo: string | undefined) => {
      const { folder, removed } = await uninstallHooks(resolve(repo ?? '.'));
      if (removed.length === 0) return ctx.io.out(`no Keyturn hook in ${folder}: nothing removed\n`);
      for (const r of removed) ctx.io.out(`removed the ${r.hook} hook: ${r.path}${r.restoredFrom ? ` (put back the hook it had replaced, from ${r.restoredFrom})` : ''}\n`);
    });
}
