import type { Command } from 'commander';
import { UserInputError } from '../../core/domain/errors.js';
import { emergencyRevoke, findLeaked } from '../../core/emergency/emergency-revoke.js';
import { normalizeLeaked } from '../../core/emergency/leaked-input.js';
import { findKey, keyRef } from '../../core/vault/refs.js';
import type { CliContext } from '../context.js';
import { EXIT, stripOneTrailingNewline } from '../io.js';
import { parseWaitSeconds } from './parsers.js';
import { guessProvider } from './leak-guess.js';
import { chooseRemoteKeyOnTerminal } from '../remote-key-choice.js';

interface RevokeOptions {
  leaked?: boolean;
  yes?: boolean;
  wait?: number;
  remoteId?: string;
}

export function registerRevokeCommands(program: Command, ctx: CliContext): void {
  program
    .command('revoke')
    .description('revoke a key now and prove it dead (401); --leaked finds it from the leaked string on stdin')
    .argument('[ref]', 'PROVIDER/ORG/INSTANCE/NAME or key id')
    .option('--leaked', 'read the leaked key from stdin and find it by fingerprint')
    .option('--yes', 'do not ask before revoking')
    .option('--wait <seconds>', 'how long to wait for the key to be rejected', parseWaitSeconds)
    .option('--remote-id <id>', "the key's id at the provider (Nexora), when its list leaves open which key it is")
    .action(async (refArg: string | undefined, opts: RevokeOptions) => {
      if (Boolean(refArg) === Boolean(opts.leaked)) throw new UserInputError('give a key reference, or --leaked with the leaked key on stdin');
      const doc = ctx.vault().read();
      let ref = refArg ?? '';
      let leakedSecret: string | undefined;
      if (opts.leaked) {
        const pasted = ctx.io.promptSecret ? await ctx.io.promptSecret('Paste the leaked key (input hidden):') : stripOneTrailingNewline(await ctx.io.readStdin());
        const match = findLeaked(doc, pasted);
        if (!match) {
          const guess = guessProvider(normalizeLeaked(pasted), doc);
          ctx.io.out(guess ?? 'this key matches no stored key and no known provider: revoke it where it was issued\n');
          ctx.exitCode = EXIT.verificationFailed;
          return;
        }
        ref = match.ref;
        leakedSecret = normalizeLeaked(pasted);
      }
      const { record, instance } = findKey(doc, ref);
      const targets = record.targets.map((t) => (t.kind === 'dotenv' ? `${t.variable} in ${t.file}` : `command ${t.command}`));
      ctx.io.out(`${opts.leaked ? 'leaked key found: ' : ''}${keyRef(instance, record)} (${record.maskedKey}), ${instance.env.toUpperCase()}\n`);
      ctx.io.out(targets.length > 0 ? `used in: ${targets.join('; ')}\n` : 'no swap targets recorded for it\n');
      if (!opts.yes) {
        if (!ctx.io.confirm) throw new UserInputError('pass --yes to revoke without a terminal');
        if (!(await ctx.io.confirm(`Revoke ${keyRef(instance, record)} now? Everything that uses it stops working.`))) {
          ctx.io.out('not revoked\n');
          return;
        }
      }
      const outcome = await emergencyRevoke(
        ctx.core(),
        ref,
        {
          waitMs: (opts.wait ?? 120) * 1000,
          leakedSecret,
          ...(opts.remoteId !== undefined ? { remoteId: opts.remoteId } : {}),
          chooseRemoteKey: chooseRemoteKeyOnTerminal(ctx.io),
          showGuide: (guide) => ctx.io.err(`revoke it in the dashboard: ${guide.url}\n${guide.steps.map((s, i) => `  ${i + 1}. ${s}`).join('\n')}\nwaiting until the key is rejected…\n`),
        },
      );
      ctx.io.out(`${outcome.proven ? '✔' : '✖'} ${outcome.detail}\n`);
      if (outcome.proven) {
        ctx.io.out(`next: rotate the consumers to a new key — create one, then "keyturn key add ${keyRef(instance, record).replace(/\/[^/]+$/, '')} NAME" and update ${targets.length > 0 ? 'the targets above' : 'the places that used it'}\n`);
      } else {
        ctx.exitCode = EXIT.verificationFailed;
      }
    });
}
