/**
 * The git hooks Keyturn writes: small `sh` scripts that start the keyturn that installed them
 * (its node and its bin file, by full path: a hook runs with whatever PATH the git client has, an
 * IDE's included), and the `keyturn` on PATH when those are gone. Their exit code is the scan's: 1
 * (a key found) stops the commit or the push.
 */

/** The line that says a hook is Keyturn's: only such a hook is replaced or removed without being asked. */
export const HOOK_MARKER = '# keyturn-hook v1';

export type HookName = 'pre-commit' | 'pre-push';

/** What each hook runs after the launcher: the scan of what the commit records, or of what the push sends (git's stdin passes through). */
const HOOK_SCANS: Record<HookName, readonly string[]> = {
  'pre-commit': ['scan', '--staged'],
  'pre-push': ['scan', '--pushed'],
};

/** Whether a hook's text is one Keyturn wrote. */
export function isKeyturnHook(text: string): boolean {
  return text.split(/\r?\n/).some((line) => line.trim() === HOOK_MARKER);
}

/**
 * The script of `hook`. `launcher`: the program and first arguments that start keyturn (the CLI
 * gives its node and its `bin/keyturn.mjs`); each one that is a full path must still exist for it
 * to be used, else the script falls back on `keyturn` from PATH, and says so if there is none.
 * `home`: the vault home to scan against (absent: keyturn's default, $KEYTURN_HOME included).
 */
export function hookScript(hook: HookName, launcher: readonly string[], home?: string): string {
  // A vault home given at install (`keyturn --home DIR hook install`) is the hook's too: a commit
  // must be checked against the vault that was meant, not the per-user default.
  const scan = [...(home ? ['--home', home] : []), ...HOOK_SCANS[hook]];
  const files = launcher.filter((part) => part.startsWith('/'));
  const present = files.length > 0 ? files.map((f) => `[ -e ${shellQuoted(f)} ]`).join(' && ') : 'false';
  const action = hook === 'pre-commit' ? 'commit' : 'push';
  return [
    '#!/bin/sh',
    HOOK_MARKER,
    `# Written by "keyturn hook install": stops a ${action} that would add an API key ("keyturn ${scan.join(' ')}" exits 1).`,
    '# "keyturn hook uninstall" removes it (and puts back a hook it replaced).',
    `if ${present}; then`,
    `  exec ${[...launcher, ...scan].map(shellQuoted).join(' ')}`,
    'fi',
    'if command -v keyturn >/dev/null 2>&1; then',
    `  exec keyturn ${scan.map(shellQuoted).join(' ')}`,
    'fi',
    `echo ${shellQuoted(`keyturn ${hook} hook: keyturn is no longer at ${launcher.join(' ')} and not on PATH, so nothing was scanned and the ${action} is stopped. Install keyturn again (then run "keyturn hook install"), or remove this hook with "keyturn hook uninstall".`)} >&2`,
    'exit 1',
    '',
  ].join('\n');
}

/** A word for `sh`, in single quotes (a quote inside is closed, escaped and reopened). */
export function shellQuoted(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
