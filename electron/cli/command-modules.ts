import type { Command } from 'commander';
import type { CliContext } from './context.js';
import type { CliIo } from './io.js';
import { planCommand, type ModuleName } from './command-plan.js';
import type { CommandSource } from './run-program.js';

/** Adds one module's commands to the program. */
type Register = (program: Command, ctx: CliContext, io: CliIo) => void;

/**
 * Every command module (listed in help order in command-plan.ts), each imported only when asked for:
 * a bundle that imports them all parses the HTTP client, the browser-mode server, the report
 * writers and every schema before `key get` can read one secret.
 */
const MODULES: Record<ModuleName, () => Promise<Register>> = {
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
  read: async (): Promise<Register> => (await import('./commands/read.js')).registerReadCommand,
  inject: async (): Promise<Register> => (await import('./commands/inject.js')).registerInjectCommand,
  scan: async (): Promise<Register> => (await import('./commands/scan.js')).registerScanCommand,
  hook: async (): Promise<Register> => (await import('./commands/hook.js')).registerHookCommands,
  web: async (): Promise<Register> => (await import('./commands/web.js')).registerWebCommand,
  audit: async (): Promise<Register> => (await import('./commands/audit.js')).registerAuditCommand,
  log: async (): Promise<Register> => (await import('./commands/log.js')).registerLogCommands,
  policy: async (): Promise<Register> => (await import('./commands/policy.js')).registerPolicyCommands,
  vault: async (): Promise<Register> => (await import('./commands/vault.js')).registerVaultCommands,
  team: async (): Promise<Register> => (await import('./commands/team.js')).registerTeamCommands,
  // `key get` alone (the key module registers it too, with the other key commands).
  keyGet: async (): Promise<Register> => {
    const { addKeyCommand, registerKeyGetCommand } = await import('./commands/key-get.js');
    return (program, ctx) => registerKeyGetCommand(addKeyCommand(program), ctx);
  },
};

/** The modules this run needs (see command-plan.ts), and the whole vault unless it reads secrets only (`key get`, `read`, `run`). */
export const allCommands: CommandSource = {
  async load(argv) {
    const plan = planCommand(argv);
    const [registers, vaultModules] = await Promise.all([Promise.all(plan.modules.map((name) => MODULES[name]())), plan.usesVault ? import('./vault-parts.js') : null]);
    return {
      register: (program, ctx, io) => {
        for (const register of registers) register(program, ctx, io);
      },
      // The team's part (the PostgreSQL client) is loaded only by a run that uses the team.
      vaultParts: vaultModules ? { ...vaultModules, loadTeam: () => import('./team/team-parts.js') } : null,
    };
  },
};
