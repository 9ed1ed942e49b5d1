// Which command modules a run needs, from its arguments alone: no module is imported here, so the
// entry of the CLI can decide what to load before loading anything (see entry.ts).

/** Every command module, in the order `keyturn --help` lists them; `keyGet` is `key get` alone. */
export const MODULE_NAMES = ['instance', 'key', 'provider', 'target', 'rotate', 'revoke', 'run', 'inject', 'scan', 'web', 'audit', 'log', 'policy', 'vault', 'keyGet'] as const;
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
  inject: ['inject'],
  scan: ['scan'],
  web: ['web'],
  audit: ['audit'],
  log: ['log'],
  policy: ['policy'],
  vault: ['vault'],
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

/** What one run loads: its command modules, and whether it uses the whole vault (vault-parts.ts). */
export interface CommandPlan {
  modules: readonly ModuleName[];
  /** False for `key get` only: it reads one secret through the checked vault.json. */
  usesVault: boolean;
}

export function planCommand(argv: readonly string[]): CommandPlan {
  const command = invokedCommand(argv);
  if (command === 'key get') return { modules: ['keyGet'], usesVault: false };
  const all = MODULE_NAMES.filter((name) => name !== 'keyGet');
  const wanted = new Set<ModuleName>(command ? BY_COMMAND[command] : all);
  return { modules: all.filter((name) => wanted.has(name)), usesVault: true };
}

