import { chmod, lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fail } from '../../domain/problems/problem-error.js';
import { hookScript, isKeyturnHook, type HookName } from './hook-script.js';
import { hooksFolder } from './hooks-folder.js';

/** Where a foreign hook replaced with `force` is kept (and put back from by uninstall). */
export const REPLACED_SUFFIX = '.keyturn-replaced';

export interface InstallHooksOptions {
  /** The program and first arguments that start keyturn (see hookScript). */
  launcher: readonly string[];
  /** The vault home the hooks scan against, when one was given at install (see hookScript). */
  home?: string;
  /** Also a pre-push hook, scanning the commits a push sends. */
  prePush?: boolean;
  /** Replace a hook Keyturn did not write (it is kept as `<hook>.keyturn-replaced`). */
  force?: boolean;
}

export interface InstalledHook {
  hook: HookName;
  path: string;
  /** Where the foreign hook that was there is kept now; null when there was none (or it was Keyturn's). */
  replacedKeptAs: string | null;
  /** A Keyturn hook was there already (it is rewritten, so it starts this keyturn). */
  reinstalled: boolean;
}

/** What is at a hook's place now: nothing, a hook Keyturn wrote, or another (a link that leads nowhere included). */
export async function hookAt(path: string): Promise<'none' | 'ours' | 'foreign'> {
  try {
    await lstat(path);
  } catch {
    return 'none';
  }
  try {
    return isKeyturnHook(await readFile(path, 'utf8')) ? 'ours' : 'foreign';
  } catch {
    return 'foreign';
  }
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Writes Keyturn's pre-commit hook (and with `prePush` its pre-push hook) in the folder git runs
 * the repository's hooks from. A Keyturn hook already there is rewritten; a hook Keyturn did not
 * write is the problem git.hook-foreign, unless `force`: then it is kept beside as
 * `<hook>.keyturn-replaced`. Every hook is checked before any is written, so a refusal changes nothing.
 */
export async function installHooks(repo: string, options: InstallHooksOptions): Promise<{ folder: string; hooks: InstalledHook[] }> {
  const { folder } = await hooksFolder(repo);
  const names: HookName[] = options.prePush ? ['pre-commit', 'pre-push'] : ['pre-commit'];
  const plan: { hook: HookName; path: string; found: 'none' | 'ours' | 'foreign' }[] = [];
  for (const hook of names) {
    const path = join(folder, hook);
    const found = await hookAt(path);
    if (found === 'foreign') {
      if (!options.force) fail('git.hook-foreign', { path });
      if (await exists(path + REPLACED_SUFFIX)) fail('git.hook-backup-exists', { path: path + REPLACED_SUFFIX });
    }
    plan.push({ hook, path, found });
  }
  await mkdir(folder, { recursive: true });
  const hooks: InstalledHook[] = [];
  for (const { hook, path, found } of plan) {
    let replacedKeptAs: string | null = null;
    if (found === 'foreign') {
      replacedKeptAs = path + REPLACED_SUFFIX;
      await rename(path, replacedKeptAs);
    }
    await writeHook(path, hookScript(hook, options.launcher, options.home));
    hooks.push({ hook, path, replacedKeptAs, reinstalled: found === 'ours' });
  }
  return { folder, hooks };
}

/** Written beside, then renamed over: git never runs half a hook, and a link at the place is replaced, not written through. */
async function writeHook(path: string, script: string): Promise<void> {
  const temporary = `${path}.keyturn-new`;
  try {
    await writeFile(temporary, script, { mode: 0o755 });
    // The mode writeFile gives is cut by the umask: a hook must be executable whatever it is.
    await chmod(temporary, 0o755);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export interface RemovedHook {
  hook: HookName;
  path: string;
  /** The hook it had replaced, put back at `path`; null when there was none. */
  restoredFrom: string | null;
}

/**
 * Removes Keyturn's hooks, putting back a hook each had replaced. A hook Keyturn did not write is
 * left as it is: when there is no Keyturn hook at all and the pre-commit hook is another's, that
 * is the problem git.hook-not-ours (the person may think it is Keyturn's). Nothing there: nothing removed.
 */
export async function uninstallHooks(repo: string): Promise<{ folder: string; removed: RemovedHook[] }> {
  const { folder } = await hooksFolder(repo);
  const found = await Promise.all((['pre-commit', 'pre-push'] as const).map(async (hook) => ({ hook, path: join(folder, hook), at: await hookAt(join(folder, hook)) })));
  const ours = found.filter((f) => f.at === 'ours');
  const foreignPreCommit = found.find((f) => f.hook === 'pre-commit' && f.at === 'foreign');
  if (ours.length === 0 && foreignPreCommit) fail('git.hook-not-ours', { path: foreignPreCommit.path });
  const removed: RemovedHook[] = [];
  for (const { hook, path } of ours) {
    await rm(path, { force: true });
    const kept = path + REPLACED_SUFFIX;
    const restore = await exists(kept);
    if (restore) await rename(kept, path);
    removed.push({ hook, path, restoredFrom: restore ? kept : null });
  }
  return { folder, removed };
}
