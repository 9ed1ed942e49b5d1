import { Option, type Command } from 'commander';
import { fail } from '../../core/domain/problems/problem-error.js';
import { ROTATION_STEPS, type Environment } from '../../core/domain/model.js';
import type { KeyView } from '../../core/vault/views.js';
import type { CliContext } from '../context.js';
import { keyRows, table } from '../format.js';
import { EXIT, stripOneTrailingNewline } from '../io.js';
import { addKeyCommand, registerKeyGetCommand } from './key-get.js';
import { parseDays, parseEnvironment } from './parsers.js';
import { confirmRemoval } from '../removal-confirmation.js';
import { siteRows } from '../reference-sites.js';
import { scanSiteAdvice, scanSiteRows } from '../scan-sites.js';
import { findKey } from '../../core/vault/refs.js';

async function readSecretInput(ctx: CliContext): Promise<string> {
  // A secret never comes from argv (shell history, `ps`): a terminal prompt or stdin only.
  const raw = ctx.io.promptSecret ? await ctx.io.promptSecret('Paste the key (input hidden):') : stripOneTrailingNewline(await ctx.io.readStdin());
  if (raw.trim().length === 0) fail('key.not-given', { field: 'secret' });
  return raw;
}

function describeKey(k: KeyView): string {
  const v = k.lastVerification;
  return [
    `ref          ${k.ref}`,
    `id           ${k.id}`,
    `key          ${k.maskedKey}`,
    `fingerprint  sha256:${k.fingerprint}`,
    `environment  ${k.env.toUpperCase()}`,
    `status       ${k.status}`,
    `created      ${k.createdAt}`,
    `expires      ${k.expiresOn ?? 'never (no expiry date)'}`,
    `max age      ${k.maxAgeDays === null ? '-' : `${k.maxAgeDays} days`}`,
    `verified     ${v ? `${v.result} (${v.httpStatus ?? 'no answer'}) at ${v.at}: ${v.reason}` : 'never'}`,
  ].join('\n');
}

/** What the provider said when the key was added; a key it could not judge is stored, and says so. */
function describeAddVerification(k: KeyView): string {
  const v = k.lastVerification;
  if (v?.result === 'valid') return `verified: the provider accepted it (${v.httpStatus ?? '-'})`;
  if (v?.result === 'limited') return `verified: ${v.reason}`;
  return `unverified: ${v?.reason ?? 'the provider was not asked'}; check it later with "keyturn key verify ${k.ref}"`;
}

export function registerKeyCommands(program: Command, ctx: CliContext): void {
  const key = addKeyCommand(program);

  key
    .command('add')
    .description('add a key; the secret is read from standard input, never from the command line')
    .argument('<instance>', 'PROVIDER/ORG/INSTANCE')
    .argument('<name>', 'a name for the key')
    .option('--expires <date>', "the provider's expiry date, YYYY-MM-DD")
    .option('--max-age <days>', 'rotation policy: maximum age in days', parseDays)
    .option('--no-verify', 'store the key without asking the provider whether it works')
    .action(async (instanceRef: string, name: string, opts: { expires?: string; maxAge?: number; verify: boolean }) => {
      const secret = await readSecretInput(ctx);
      // A key the provider rejects is `key.rejected`, whose wording here names --no-verify.
      const { key: added, warnings } = await ctx.vault().addKey({ instanceRef, name, secret, expiresOn: opts.expires, maxAgeDays: opts.maxAge, verify: opts.verify });
      for (const w of warnings) ctx.io.err(`warning: ${w}\n`);
      ctx.io.out(`stored ${added.ref} (${added.maskedKey}) in the keychain, ${opts.verify ? describeAddVerification(added) : 'not verified (--no-verify)'}\n`);
    });

  key
    .command('list')
    .description('list keys (reads metadata only, never the keychain)')
    .option('--json', 'print JSON')
    .option('--provider <provider>', 'only this provider')
    .addOption(new Option('--env <env>', 'only this environment').argParser(parseEnvironment))
    .action((opts: { json?: boolean; provider?: string; env?: Environment }) => {
      const keys = ctx.vault().listKeys({ provider: opts.provider, env: opts.env });
      if (opts.json) return ctx.io.out(`${JSON.stringify(keys, null, 2)}\n`);
      if (keys.length === 0) return ctx.io.out('no keys\n');
      ctx.io.out(table(keyRows(keys, ctx.clock.now())));
    });

  key
    .command('show')
    .description("show a key's metadata (never the secret)")
    .argument('<ref>', 'PROVIDER/ORG/INSTANCE/NAME or key id')
    .option('--json', 'print JSON')
    .action((ref: string, opts: { json?: boolean }) => {
      const shown = ctx.vault().showKey(ref);
      const doc = ctx.vault().read();
      // Where `keyturn scan` found it named by a keyturn:// reference (by name: it follows a rotation; by id: this key alone).
      const { record } = findKey(doc, shown.id);
      const referenceSites = record.referenceSites ?? [];
      // Where a scan found the key itself in plain text (a file, or a commit of a repository's history): leaks, newest first.
      const scanSites = record.scanSites ?? [];
      // Rotation history: when, which steps, how it ended, by which path — never a secret.
      const history = ctx.rotations().list(doc, shown.id).map((r) => ({
        id: r.id,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt ?? null,
        state: r.state,
        inPlace: r.inPlace,
        steps: r.steps,
      }));
      if (opts.json) return ctx.io.out(`${JSON.stringify({ ...shown, referenceSites, scanSites, rotations: history }, null, 2)}\n`);
      const lines = history.map((h) => `  ${h.startedAt.slice(0, 16).replace('T', ' ')}  ${h.state}${h.finishedAt ? ` ${h.finishedAt.slice(0, 16).replace('T', ' ')}` : ''}  create by ${h.steps.create.path ?? '-'}, ${ROTATION_STEPS.map((s) => `${s} ${h.steps[s].status}`).join(', ')}`);
      const references = referenceSites.length === 0 ? 'none found (keyturn scan DIR records them)' : `${referenceSites.length}\n${siteRows(referenceSites).trimEnd()}`;
      const plainText = scanSites.length === 0 ? 'none found by a scan' : `${scanSites.length}: ${scanSiteAdvice(scanSites)}\n${scanSiteRows(scanSites).trimEnd()}`;
      ctx.io.out(`${describeKey(shown)}\nreferences   ${references}\nplain text   ${plainText}\nrotations    ${history.length === 0 ? 'none' : `\n${lines.join('\n')}`}\n`);
    });

  registerKeyGetCommand(key, ctx);

  key
    .command('verify')
    .description("check keys with each provider's authenticated call; exit 1 if any is not valid")
    .argument('[refs...]', 'PROVIDER/ORG/INSTANCE/NAME or key ids')
    .option('--all', 'every active key')
    .option('--json', 'print JSON')
    .action(async (refs: string[], opts: { all?: boolean; json?: boolean }) => {
      if (opts.all && refs.length > 0) fail('verify.refs-and-all', { field: 'ref' });
      if (!opts.all && refs.length === 0) fail('verify.nothing-chosen', { field: 'ref' });
      const outcomes = await ctx.vault().verify(opts.all ? 'all' : refs);
      if (opts.json) {
        ctx.io.out(`${JSON.stringify(outcomes.map(({ ref, result, httpStatus, revoked, reason }) => ({ ref, result, httpStatus, revoked, reason })), null, 2)}\n`);
      } else if (outcomes.length === 0) {
        ctx.io.out('no keys to verify\n');
      } else {
        ctx.io.out(table([['REF', 'RESULT', 'HTTP', 'REASON'], ...outcomes.map((o) => [o.ref, o.revoked ? 'rejected (revoked)' : o.result, String(o.httpStatus ?? '-'), o.reason])]));
      }
      if (outcomes.some((o) => o.result !== 'valid' && o.result !== 'limited')) ctx.exitCode = EXIT.verificationFailed;
    });

  key
    .command('remove')
    .description('remove a key from the vault and the keychain (it still works at the provider)')
    .argument('<ref>', 'PROVIDER/ORG/INSTANCE/NAME or key id')
    .option('--yes', "a production instance's key: remove it without typing the instance name back")
    .action(async (ref: string, opts: { yes?: boolean }) => {
      const { instance, record } = ctx.vault().resolve(ref);
      const confirmation = await confirmRemoval(ctx.io, instance, `The key "${record.name}"`, opts.yes);
      const removed = await ctx.vault().removeKey(ref, confirmation);
      ctx.io.out(`removed ${removed.ref} (${removed.maskedKey}) from the vault; the key itself still works at ${removed.provider} until it is revoked there\n`);
    });

  key
    .command('rename')
    .description('rename a key in its instance (swap targets and rotations follow it)')
    .argument('<ref>', 'PROVIDER/ORG/INSTANCE/NAME or key id')
    .argument('<new-name>', 'the new name (letters, digits, ".", "_" and "-")')
    .action(async (ref: string, name: string) => {
      const before = ctx.vault().showKey(ref).ref;
      const renamed = await ctx.vault().renameKey(ref, name);
      ctx.io.out(`renamed ${before} to ${renamed.ref}\n`);
    });
}
