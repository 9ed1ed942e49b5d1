import type { Command } from 'commander';
import type { CliContext } from './context.js';
import type { CliIo } from './io.js';

/** Adds one module's commands to the program. */
type Register = (program: Command, ctx: CliContext, io: CliIo) => void;

/**
 * Every command module, in the order `keyturn --help` lists them, each imported only when asked for:
 * a bundle that imports them all parses the HTTP client, the browser-mode server, the report
 * writers and every schema before `key get` can read one secret.
 */
const MODULES = {
  instance: async (): Promise<Register> => (await import('./commands/instance.js')).registerInstanceCommands,
  key: async (): Promise<Register> => (await import('./commands/key.js')).registerKeyCommands,
  provider: async (): Promise<Register> => (await import('./commands/provider.js')).registerProviderCommands,
  target: async (): Promise<Register> => (await import('./commands/target.js')).registerTargetCommands,
  rotate: async (): Promise<Register> => (await import('./commands/rotate.js')).registerRotateCommands,
  revoke: async (): Promise<Register> => (await import('./commands/revoke.js')).registerRevokeCommands,
  run: async (): Promise<Register> => {
    const { registerRunCommand } = await import('./commands/run.js');
    return (program, ctx, io) => registerRunCommand(program, ctx, io.sinks);
  },
  scan: async (): Promise<Register> => (await import('./commands/scan.js')).registerScanCommand,
  web: async (): Promise<Register> => (await import('./commands/web.js')).registerWebCommand,
  audit: async (): Promise<Register> => (await import('./commands/audit.js')).registerAuditCommand,
  log: async (): Promise<Register> => (await import('./commands/log.js')).registerLogCommands,
  policy: async (): Promise<Register> => (await import('./commands/policy.js')).registerPolicyCommands,
  vault: async (): Promise<Register> => (await import('./commands/vault.js')).registerVaultCommands,
} as const;

type ModuleName = keyof typeof MODULES;

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
  scan: ['scan'],
  web: ['web'],
  audit: ['audit'],
  log: ['log'],
  policy: ['policy'],
  vault: ['vault'],
};

/**
 * The command the arguments name, past the global options. null when that is not certain (no
 * command, help, an unknown word or option): then every module is loaded, so help and commander's
 * "unknown command" suggestions are exactly what they would be with all of them.
 */
function invokedCommand(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--home') i++;
    else if (arg.startsWith('--home=')) continue;
    else return Object.hasOwn(BY_COMMAND, arg) ? arg : null;
  }
  return null;
}

/** Registers the modules this run needs (all of them when the command is not known), in help order. */
export async function registerCommands(argv: readonly string[], program: Command, ctx: CliContext, io: CliIo): Promise<void> {
  const command = invokedCommand(argv);
  const wanted = new Set<ModuleName>(command ? BY_COMMAND[command] : (Object.keys(MODULES) as ModuleName[]));
  const names = (Object.keys(MODULES) as ModuleName[]).filter((name) => wanted.has(name));
  const registers = await Promise.all(names.map((name) => MODULES[name]()));
  for (const register of registers) register(program, ctx, io);
}
