import type { Command } from 'commander';
import { fail } from '../../core/domain/problems/problem-error.js';
import { emergencyRevoke } from '../../core/emergency/emergency-revoke.js';
import { findLeakCandidates, type LeakCandidate } from '../../core/emergency/leak-candidates.js';
import { findKey, keyRef } from '../../core/vault/refs.js';
import type { CliContext } from '../context.js';
import { EXIT, stripOneTrailingNewline } from '../io.js';
import { parseWaitSeconds, wholeNumberIn } from './parsers.js';
import { describeGuess, listCandidates } from './leak-guess.js';
import { chooseRemoteKeyOnTerminal } from '../remote-key-choice.js';
import { providerHelp } from '../provider-help.js';
import { describeTarget } from '../../core/targets/describe.js';
import { siteWhere } from '../reference-sites.js';
import { scanSiteAdvice, scanSiteList } from '../scan-sites.js';
import { revokeThroughTeam } from '../team/revoke-fallback.js';

interface RevokeOptions {
  leaked?: boolean;
  pick?: number;
  yes?: boolean;
  wait?: number;
  resume?: boolean;
  remoteId?: string;
}

/**
 * The one key of a paste to revoke: the only one, the one `--pick` names, or the one the person
 * chooses on a terminal. Null: the person chose none.
 */
async function chooseCandidate(ctx: CliContext, candidates: LeakCandidate[], pick: number | undefined): Promise<LeakCandidate | null> {
  if (pick !== undefined) {
    const picked = candidates[pick - 1];
    if (!picked) fail('emergency.pick-out-of-range', { pick, count: candidates.length });
    return picked;
  }
  if (candidates.length === 1) return candidates[0] ?? null;
  ctx.io.out(`the pasted text holds ${candidates.length} keys:\n${listCandidates(candidates)}`);
  if (!ctx.io.ask) fail('emergency.several-keys', { count: candidates.length });
  const answer = (await ctx.io.ask(`Which one? (1-${candidates.length}, empty to stop)`)).trim();
  if (answer === '') return null;
  const chosen = /^\d+$/.test(answer) ? candidates[Number(answer) - 1] : undefined;
  // The answer is not echoed back: it may be the key itself, pasted at the wrong prompt.
  if (!chosen) fail('emergency.answer-not-a-choice', { count: candidates.length });
  return chosen;
}

export function registerRevokeCommands(program: Command, ctx: CliContext): void {
  program
    .command('revoke')
    .description('revoke a key now and prove it dead (401); --leaked finds it in the leaked text on stdin')
    .argument('[ref]', 'PROVIDER/ORG/INSTANCE/NAME or key id')
    .option('--leaked', 'read the leaked text (a key, a log excerpt, a command line) from stdin and find its keys by fingerprint and provider format')
    .option('--pick <n>', 'with --leaked: the key to revoke when the text holds several (its number in the list)', wholeNumberIn(1, 1_000_000))
    .option('--yes', 'do not ask before revoking (nor for a production instance name)')
    .option('--wait <seconds>', 'how long to wait for the key to be rejected', parseWaitSeconds)
    .option('--resume', 'a revocation whose wait ran out: keep checking until the key is rejected, without revoking again')
    .option('--remote-id <id>', `the key's id at the provider (${providerHelp.remoteId}), when its list leaves open which key it is`)
    .action(async (refArg: string | undefined, opts: RevokeOptions) => {
      if (Boolean(refArg) === Boolean(opts.leaked)) fail('emergency.ref-or-leaked', {});
      if (opts.pick !== undefined && !opts.leaked) fail('emergency.pick-needs-leaked', {});
      if (opts.resume && opts.leaked) fail('emergency.resume-needs-ref', {});
      const doc = ctx.vault().read();
      let ref = refArg ?? '';
      let leakedText: string | undefined;
      if (opts.leaked) {
        const pasted = ctx.io.promptSecret
          ? await ctx.io.promptSecret('Paste the leaked key or the line holding it (input hidden; pipe several lines in on stdin):')
          : stripOneTrailingNewline(await ctx.io.readStdin());
        const candidates = findLeakCandidates(doc, pasted);
        // No key of this vault: in a vault joined to a team, whose key it is (and how to revoke it) is the team's to say.
        if (!candidates.some((c) => c.match !== null) && (await revokeThroughTeam(ctx, doc, pasted))) return;
        if (candidates.length === 0) {
          ctx.io.out('this key matches no stored key and no known provider: revoke it where it was issued\n');
          ctx.exitCode = EXIT.verificationFailed;
          return;
        }
        const chosen = await chooseCandidate(ctx, candidates, opts.pick);
        if (!chosen) {
          ctx.io.out('not revoked\n');
          return;
        }
        if (!chosen.match) {
          ctx.io.out(chosen.guess ? describeGuess(chosen.guess) : 'this key matches no stored key and no known provider: revoke it where it was issued\n');
          ctx.exitCode = EXIT.verificationFailed;
          return;
        }
        ref = chosen.match.ref;
        leakedText = pasted;
      }
      const { record, instance } = findKey(doc, ref);
      const shownRef = keyRef(instance, record);
      const targets = record.targets.map((t) => describeTarget(t).where);
      ctx.io.out(`${opts.leaked ? 'leaked key found: ' : ''}${shownRef} (${record.maskedKey}), ${instance.env.toUpperCase()}\n`);
      ctx.io.out(targets.length > 0 ? `used in: ${targets.join('; ')}\n` : 'no swap targets recorded for it\n');
      // Where a scan found it named by keyturn:// reference: no file to change, but processes that read it.
      const sites = (record.referenceSites ?? []).map(siteWhere);
      if (sites.length > 0) ctx.io.out(`used by reference in: ${sites.join(', ')}\n`);
      // Where a scan found the key itself in plain text: leaks to clean up; only the revoke makes a committed one harmless.
      const leaks = record.scanSites ?? [];
      if (leaks.length > 0) ctx.io.out(`found in plain text by a scan:\n${scanSiteList(leaks, shownRef)}${scanSiteAdvice(leaks)}\n`);
      const production = instance.env === 'production';
      const ask = ctx.io.ask;
      // A resume revokes nothing (it only checks), so it asks nothing.
      if (!opts.yes && !opts.resume) {
        if (production ? !ask : !ctx.io.confirm) fail('emergency.not-confirmed', {});
        if (!production && ctx.io.confirm && !(await ctx.io.confirm(`Revoke ${shownRef} now? Everything that uses it stops working.`))) {
          ctx.io.out('not revoked\n');
          return;
        }
      }
      const outcome = await emergencyRevoke(ctx.core(), ref, {
        waitMs: (opts.wait ?? 120) * 1000,
        leakedText,
        resume: opts.resume,
        ...(opts.remoteId !== undefined ? { remoteId: opts.remoteId } : {}),
        chooseRemoteKey: chooseRemoteKeyOnTerminal(ctx.io),
        confirmProduction:
          opts.yes || !ask
            ? null
            : async (name) => (await ask(`This is the PRODUCTION instance "${name}". Type its name to revoke ${shownRef}:`)).trim() === name,
        showGuide: (guide) =>
          ctx.io.err(`revoke it in the dashboard${opts.resume ? ' (if not done yet)' : ''}: ${guide.url}\n${guide.steps.map((s, i) => `  ${i + 1}. ${s}`).join('\n')}\nwaiting until the key is rejected…\n`),
      });
      ctx.io.out(`${outcome.proven ? '✔' : '✖'} ${outcome.detail}\n`);
      if (outcome.proven) {
        ctx.io.out(`next: rotate the consumers to a new key — create one, then "keyturn key add ${shownRef.replace(/\/[^/]+$/, '')} NAME" and update ${targets.length > 0 ? 'the targets above' : 'the places that used it'}\n`);
        if (sites.length > 0) ctx.io.out(`its references no longer resolve (the key is revoked): point ${sites.length === 1 ? 'it' : 'them'} at the new key, then restart the processes that use ${sites.length === 1 ? 'it' : 'them'}: ${sites.join(', ')}\n`);
      } else {
        ctx.io.out(`keep checking with: keyturn revoke ${shownRef} --resume${opts.wait ? ` --wait ${opts.wait}` : ''}\n`);
        ctx.exitCode = EXIT.verificationFailed;
      }
    });
}
