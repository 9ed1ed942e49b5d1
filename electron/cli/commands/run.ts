import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { Environment } from '../../core/domain/model.js';
import { fail } from '../../core/domain/problems/problem-error.js';
import { assignmentReference, parseEnvAssignments } from '../../core/run/env-assignments.js';
import { planEnv, type EnvFile, type EnvPlan } from '../../core/run/env-plan.js';
import { readPlanSecrets, resolvePlan, type ResolvedVariable } from '../../core/run/resolve-plan.js';
import { runWithSecrets, shellExitStatus } from '../../core/node/run/run-with-secrets.js';
import { openRunLease, type RunLease } from '../../core/node/run/consumer-leases.js';
import type { CliContext, SecretAccess } from '../context.js';
import type { CliIo } from '../io.js';

const collect = (value: string, previous: string[]) => [...previous, value];

interface RunOptions {
  envFile: string[];
  env: string[];
  environment?: Environment;
  quiet?: boolean;
  masking: boolean;
}

function readEnvFile(path: string): EnvFile {
  try {
    return { path, text: readFileSync(path, 'utf8') };
  } catch (error) {
    fail('run.env-file-unreadable', { field: 'file', file: path, reason: (error as NodeJS.ErrnoException).code ?? 'error' }, { cause: error });
  }
}

/**
 * Which source set each variable, before the command starts: the variable, where it was written,
 * and for a reference the key and its environment. Never a value.
 */
function provenance(plan: EnvPlan, resolved: readonly ResolvedVariable[]): string {
  if (plan.variables.length === 0) return '';
  const keys = new Map(resolved.map((r) => [r.planned.variable, r.resolved]));
  const width = Math.max(...plan.variables.map((v) => v.variable.length));
  const declared = plan.declared
    ? `, environment ${plan.declared.environment} (${plan.declared.by === 'option' ? '--environment' : `declared at ${plan.declared.file ?? ''}:${plan.declared.line ?? ''}`})`
    : '';
  const lines = plan.variables.map((v) => {
    const where = v.source.kind === 'file' ? `${v.source.file}:${v.source.line}` : '--env';
    const key = keys.get(v.variable);
    const what = key ? `key ${key.ref} (${key.instance.env}) from ${where}` : `value from ${where}`;
    return `  ${v.variable.padEnd(width)}  ${what}\n`;
  });
  return `keyturn: ${plan.variables.length} variable${plan.variables.length === 1 ? '' : 's'} set${declared}:\n${lines.join('')}`;
}

export function registerRunCommand(program: Command, ctx: CliContext, sinks: CliIo['sinks']): void {
  program
    .command('run')
    .description('run a command with keys in its environment only, masked in its output')
    .option('--env-file <FILE>', 'a dotenv file: keyturn:// references are resolved, other values passed as they are (repeatable; a later file wins)', collect, [])
    .option('--env <VAR=REF>', 'put this key in this variable: keyturn://… or PROVIDER/ORG/INSTANCE/NAME or a key id (repeatable; wins over files)', collect, [])
    .addOption(new Option('--environment <ENV>', 'refuse any key of the other environment (overrides a file\'s "# keyturn: environment=" line)').choices(['sandbox', 'production']))
    .option('--quiet', 'do not list which source set each variable')
    .option('--no-masking', 'pass the output on as it is, secrets included (said on stderr)')
    .argument('<command...>', 'after --: the command and its arguments')
    .addHelpText(
      'after',
      '\nThe command keeps keyturn\'s environment; a variable set by a file or --env replaces it there.\n' +
        'Every reference is resolved before the command starts: one that cannot be (no such key, a key\n' +
        'that is not active, the other environment, the keychain locked) stops the run, and nothing runs.',
    )
    .action(async (commandLine: string[], opts: RunOptions) => {
      const [command, ...args] = commandLine;
      if (!command) fail('run.command-missing', { field: 'command' });
      const assignments = parseEnvAssignments(opts.env).map(({ variable, ref }) => ({ variable, reference: assignmentReference(ref) }));
      const plan = planEnv({ files: opts.envFile.map(readEnvFile), assignments, environment: opts.environment ?? null });
      const access = ctx.secretAccess();
      // The lease is taken before any reference is looked up, and held until the command has exited:
      // a rotation that moves a key's name meanwhile waits for this run before revoking the old key.
      const lease = plan.variables.some((v) => v.value.kind === 'reference') ? openRunLease(access.home, command) : null;
      try {
        await runPlanned(ctx, sinks, { command, args, plan, opts, access, lease });
      } finally {
        lease?.close();
      }
    });
}

async function runPlanned(
  ctx: CliContext,
  sinks: CliIo['sinks'],
  { command, args, plan, opts, access, lease }: { command: string; args: string[]; plan: EnvPlan; opts: RunOptions; access: SecretAccess; lease: RunLease | null },
): Promise<void> {
  // Every reference first, from metadata; then the keychain: nothing starts until all are read.
  const resolved = await resolvePlan(plan, (lookups) => access.readForKeys(lookups));
  lease?.resolved([...new Set(resolved.map((r) => r.resolved.record.id))]);
  const secrets = await readPlanSecrets(access.secrets, access.keychainService, resolved);
  const plain: Record<string, string> = {};
  for (const v of plan.variables) if (v.value.kind === 'plain') plain[v.variable] = v.value.value;

  if (!opts.quiet) ctx.io.err(provenance(plan, resolved));
  if (!opts.masking) ctx.io.err('keyturn: masking is off (--no-masking): the command\'s output is passed on as it is, secrets included\n');
  const running = runWithSecrets({
    command,
    args,
    env: Object.fromEntries(secrets),
    plain,
    ...sinks,
    // Under a pseudo-terminal when keyturn's own output is a terminal, so the command keeps its colours.
    terminal: (sinks.stdout as { isTTY?: boolean }).isTTY === true,
    masking: opts.masking,
  });
  // One entry per key handed out, as one append (the log's lock is taken once), written while
  // the command starts rather than before: the wait for the log's lock is not the command's.
  const keys = new Map(resolved.map(({ resolved: key }) => [key.record.id, key.record]));
  access.auditAll([...keys.values()].map((record) => ({ action: 'key.run', keyId: record.id, maskedKey: record.maskedKey, outcome: 'ok' as const })));
  const result = await running;
  // As a shell reports it: the child's exit code, or 128 + its signal's number (SIGKILL: 137).
  ctx.exitCode = shellExitStatus(result);
  // A child that died of Ctrl-C: keyturn dies of it too, so a calling script stops as well.
  if (result.signal === 'SIGINT') ctx.io.endBySignal?.('SIGINT');
}
