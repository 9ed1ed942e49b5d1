import { isAbsolute, resolve } from 'node:path';
import { fail, ProblemError } from '../../../../domain/problems/problem-error.js';
import type { TargetKindModule } from '../../../../targets/kind-module.js';
import { reasonOf, refusalReason } from '../../../../targets/reasons.js';
import { commandProblem, runCommandTarget } from './run.js';

/** A command that gets the key on stdin: any secret manager's CLI. */
export const commandKind: TargetKindModule<'command'> = {
  async make(input, id, cwd) {
    if (input.command.trim() === '') fail('target.command.required', { field: 'command' });
    const missingProgram = await commandProblem(input.command, process.env, cwd);
    if (missingProgram) throw new ProblemError(missingProgram);
    // A path like ./bin/put-secret is the program found here, now: stored whole, so a rotation run
    // from another folder neither refuses it nor pipes the key to another program of that name.
    const command = input.command.includes('/') && !isAbsolute(input.command) ? resolve(cwd, input.command) : input.command;
    return { id, kind: 'command', command, args: input.args };
  },
  // Two commands may well be meant to run twice (two stores, one CLI): none is a duplicate.
  sameAs: () => false,
  async check(target) {
    const missing = await commandProblem(target.command);
    return missing ? refusalReason(missing) : null;
  },
  async write(target, swap) {
    try {
      const result = await runCommandTarget({ command: target.command, args: target.args, secret: swap.newSecret, timeoutMs: target.timeoutMs ?? 30_000 });
      if (result.ok) return { ok: true, detail: 'the command took the new key' };
      const why = result.timedOut ? 'timed out' : `exited with ${result.exitCode ?? result.signal}`;
      return { ok: false, detail: `the command ${why}${result.output ? `: ${result.output.slice(-300)}` : ''}` };
    } catch (error) {
      return { ok: false, detail: reasonOf(error, 'the command could not be run') };
    }
  },
};
