import type { RotationStepName } from '../core/domain/model.js';
import type { PastedKey, RotationInteraction } from '../core/rotation/interaction.js';
import type { CliIo } from './io.js';
import { stripOneTrailingNewline } from './io.js';
import { chooseRemoteKeyOnTerminal } from './remote-key-choice.js';
import { cliProblemText } from './problems/wordings.js';
import { cliStepProblemText } from './rotation-steps.js';

/**
 * The rotation's questions on a terminal. Without one, the new key comes from stdin
 * (--new-key-stdin; `stdinKey` when the command read and checked it already), confirmations need
 * --yes, and a guided revoke simply waits for the 401.
 */
export function terminalInteraction(
  io: CliIo,
  options: { newKeyFromStdin: boolean; stdinKey?: string | null; expiresOn?: string; /** Told once a step is done, after its line (what else follows the new key). */ onStepDone?: (step: RotationStepName) => void },
): RotationInteraction {
  let stdinUsed = false;
  return {
    async confirmProduction(instanceName) {
      if (!io.ask) {
        io.err(`keyturn: ${instanceName} is a PRODUCTION instance: pass --yes to rotate it without a terminal\n`);
        return false;
      }
      const typed = await io.ask(`This is the PRODUCTION instance "${instanceName}". Type its name to continue:`);
      return typed.trim() === instanceName;
    },
    async pasteNewKey(guide, problem) {
      if (problem) io.err(`That key cannot be used: ${cliProblemText(problem)}.\n`);
      if (options.newKeyFromStdin) {
        if (stdinUsed) return null;
        stdinUsed = true;
        return withExpiry(options.stdinKey ?? stripOneTrailingNewline(await io.readStdin()), options.expiresOn);
      }
      if (!io.promptSecret) {
        io.err('keyturn: this provider creates keys in its dashboard: pass --new-key-stdin and pipe the new key in, or run on a terminal\n');
        return null;
      }
      io.err(`\nCreate the new key in the dashboard: ${guide.url}\n${guide.steps.map((s, i) => `  ${i + 1}. ${s}`).join('\n')}\n`);
      const pasted = await io.promptSecret('Paste the new key (input hidden; empty to stop):');
      return pasted.trim() === '' ? null : withExpiry(pasted, options.expiresOn);
    },
    showRevokeGuide(guide) {
      io.err(`\nRevoke the old key in the dashboard: ${guide.url}\n${guide.steps.map((s, i) => `  ${i + 1}. ${s}`).join('\n')}\nKeyturn checks until the old key is rejected.\n`);
    },
    async confirmDespiteWarnings(warnings) {
      for (const w of warnings) io.err(`warning: ${w}\n`);
      if (!io.confirm) {
        io.err('keyturn: not revoking without a terminal while this holds; resume with --yes to revoke anyway\n');
        return false;
      }
      return io.confirm('Revoke the old key anyway?');
    },
    chooseRemoteKey: chooseRemoteKeyOnTerminal(io),
    progress(event) {
      const mark = event.status === 'done' ? '✔' : event.status === 'failed' ? '✖' : '…';
      io.err(`${mark} ${STEP_TITLES[event.step]}: ${event.problem ? cliStepProblemText(event.problem) : event.detail}\n`);
      if (event.status === 'done') options.onStepDone?.(event.step);
    },
  };
}

/** The pasted key with the expiry given on the command line (--new-key-expires), if any. */
function withExpiry(secret: string, expiresOn: string | undefined): PastedKey {
  return expiresOn === undefined ? { secret } : { secret, expiresOn };
}

/** The steps as a person thinks of them. */
export const STEP_TITLES = {
  create: 'Create new key',
  swap: 'Swap it in',
  verify: 'Check it works',
  revoke: 'Revoke the old key',
} as const;
