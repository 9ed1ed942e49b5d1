import { fail } from '../core/domain/problems/problem-error.js';
import { describeCandidate, type ChooseRemoteKey } from '../core/rotation/remote-id.js';
import type { CliIo } from './io.js';

/**
 * Which listed key is this one, on a terminal: the candidates numbered, a number or an id typed
 * back (empty: leave it to the dashboard). Without a terminal it is bad input, nothing changed:
 * the candidates are listed and --remote-id says which.
 */
export function chooseRemoteKeyOnTerminal(io: CliIo): ChooseRemoteKey {
  // Asked once per command: "the dashboard" at the start of a rotation still holds at its revoke step.
  let declined = false;
  return async (question) => {
    if (declined) return null;
    io.err(`${question.provider} lists ${question.candidates.length} keys that could be ${question.ref} (${question.maskedKey}):\n`);
    question.candidates.forEach((c, i) => io.err(`  ${i + 1}. ${describeCandidate(c)}\n`));
    if (!io.ask) fail('remote-id.undecided', { field: 'remoteId', provider: question.provider, ref: question.ref });
    const typed = (await io.ask('Which one is it? Type its number or id (empty: revoke it in the dashboard instead):')).trim();
    if (typed === '') {
      declined = true;
      return null;
    }
    const index = /^\d+$/.test(typed) ? Number(typed) - 1 : -1;
    return question.candidates[index]?.id ?? typed;
  };
}
