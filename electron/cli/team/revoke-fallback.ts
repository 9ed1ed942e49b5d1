import type { VaultDocument } from '../../core/domain/model.js';
import { isProblem } from '../../core/domain/problems/problem-error.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../io.js';
import { cliProblemText } from '../problems/wordings.js';
import { lookUpLeaked, lookupText } from './leaked-lookup.js';

/**
 * `keyturn revoke --leaked` on a text that holds no key of this vault, in a vault joined to a team:
 * the team look-up (`keyturn team find --leaked`'s output: whose key it is, where it is used, how to
 * revoke it). Nothing is revoked here, so the run ends with 1, as for a key of no one's vault. False
 * when the vault is not joined to a team, or the team could not be asked (said on stderr): then
 * revoke says what it says without a team.
 */
export async function revokeThroughTeam(ctx: CliContext, doc: VaultDocument, pasted: string): Promise<boolean> {
  const team = await ctx.joinedTeam();
  if (!team) return false;
  try {
    const lookup = await lookUpLeaked(team, doc, pasted);
    const { team: teamName } = await team.status({ probe: false });
    ctx.io.out(`not in your vault; the team's inventory says:\n${lookupText(lookup, teamName, doc)}`);
    ctx.exitCode = EXIT.verificationFailed;
    return true;
  } catch (error) {
    if (!isProblem(error)) throw error;
    ctx.io.err(`team: the key could not be looked up in the team: ${cliProblemText(error.problem)}\n`);
    return false;
  }
}
