import type { Command } from 'commander';
import { fail } from '../../core/domain/problems/problem-error.js';
import { parseEnvAssignments } from '../../core/run/env-assignments.js';
import { runWithSecrets, shellExitStatus } from '../../core/node/run/run-with-secrets.js';
import type { CliContext } from '../context.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerRunCommand(program: Command, ctx: CliContext, sinks: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): void {
  program
    .command('run')
    .description("run a command with keys in its environment only, masked in its output")
    .requiredOption('--env <VAR=REF>', 'put this key in this variable (repeatable)', collect, [])
    .argument('<command...>', 'after --: the command and its arguments')
    .action(async (commandLine: string[], opts: { env: string[] }) => {
      const [command, ...args] = commandLine;
      if (!command) fail('run.command-missing', { field: 'command' });
      const assignments = parseEnvAssignments(opts.env);
      const env: Record<string, string> = {};
      for (const { variable, ref } of assignments) env[variable] = await ctx.vault().revealSecret(ref, 'key.run');
      const result = await runWithSecrets({ command, args, env, ...sinks });
      // As a shell reports it: the child's exit code, or 128 + its signal's number (SIGKILL: 137).
      ctx.exitCode = shellExitStatus(result);
      // A child that died of Ctrl-C: keyturn dies of it too, so a calling script stops as well.
      if (result.signal === 'SIGINT') ctx.io.endBySignal?.('SIGINT');
    });
}
