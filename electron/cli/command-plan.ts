// Which command modules a run needs, from its arguments alone: no module is imported here, so the
// entry of the CLI can decide what to load before loading anything (see entry.ts).

/** Every command module, in the order `keyturn --help` lists them; `keyGet` is `key get` alone. */
export const MODULE_NAMES = ['instance', 'key', 'provider', 'target', 'rotate', 'revoke', 'run', 'read', 'inject', 'scan', 'hook', 'web', 'audit', 'log', 'policy', 'vault', 'team', 'keyGet'] as const;
export type ModuleName = (typeof MODULE_NAMES)[number];

/** The modules that define each top-level command (`key set` is the policy module's). */
const BY_COMMAND: Record<string, readonly ModuleName[]> = {
  instance: ['instance'],
  key: ['key', 'policy'],
  provider: ['provider'],
  target: ['target'],
  rotate: ['rotate'],
  rotation: ['rotate'],
  revoke: ['revoke'],
  run: ['run'],
  read: ['read'],
  inject: ['inject'],
  scan: ['scan'],
  hook: ['hook'],
  web: ['web'],
  audit: ['audit'],
  log: ['log'],
  policy: ['policy'],
  vault: ['vault'],
  team: ['team'],
};

/**
 * The command the arguments name, past the global options (`key get` as one, when `get` follows
 * `key`). null when that is not certain (no command, help, an unknown word or option): then every
 * module is loaded, so help and commander's "unknown command" suggestions are exactly what they
 * would be with all of them.
 */
function invokedCommand(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--home') i++;
    else if (arg.startsWith('--home=')) continue;
    else if (arg === 'key' && argv[i + 1] === 'get') return 'key get';
    else return Object.hasOwn(BY_COMMAND, arg) ? arg : null;
  }
  return null;
}

/**
 * Which program of the bundle runs (see entry.ts): the whole CLI; `key get` and `read`, which read
 * one secret, from the entry file alone; `run`, from one file of its own; `scan --staged` and
 * `scan --pushed` (what git hooks run), from one file of their own.
 */
export type ProgramName = 'whole' | 'one-secret' | 'run' | 'scan-hook';

/** The options of `scan` that take a value: the word after one is that value, never a flag. */
const SCAN_VALUE_OPTIONS = new Set(['--since', '--baseline', '--write-baseline', '--home']);

/**
 * `scan --staged` or `scan --pushed` for certain: either flag as a word of its own (not an option's
 * value), and no help asked (help lists every flag, from the whole program).
 */
function isHookScan(argv: readonly string[]): boolean {
  let hook = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h' || arg === 'help') return false;
    if (SCAN_VALUE_OPTIONS.has(arg)) i++;
    else if (arg === '--staged' || arg === '--pushed') hook = true;
    else if (arg === '--') break;
  }
  return hook;
}

/** What one run loads: its program, its command modules, and whether it uses the whole vault (vault-parts.ts). */
export interface CommandPlan {
  program: ProgramName;
  modules: readonly ModuleName[];
  /** False for `key get`, `read`, `run` and the hooks' scans: they read the checked vault.json, and write nothing but the audit. */
  usesVault: boolean;
}

export function planCommand(argv: readonly string[]): CommandPlan {
  const command = invokedCommand(argv);
  if (command === 'key get') return { program: 'one-secret', modules: ['keyGet'], usesVault: false };
  if (command === 'read') return { program: 'one-secret', modules: ['read'], usesVault: false };
  if (command === 'run') return { program: 'run', modules: ['run'], usesVault: false };
  if (command === 'scan' && isHookScan(argv)) return { program: 'scan-hook', modules: ['scan'], usesVault: false };
  const all = MODULE_NAMES.filter((name) => name !== 'keyGet');
  const wanted = new Set<ModuleName>(command ? BY_COMMAND[command] : all);
  return { program: 'whole', modules: all.filter((name) => wanted.has(name)), usesVault: true };
}

