import type { Command } from 'commander';
import { ROTATION_STEPS, type Rotation, type RotationStepName } from '../../core/domain/model.js';
import { refOfRotation } from '../../core/node/rotation/engine.js';
import { describeOwner } from '../../core/rotation/rotation-lock.js';
import { resolveProfile } from '../../core/providers/registry.js';
import { findKey } from '../../core/vault/refs.js';
import type { CliContext } from '../context.js';
import { table } from '../format.js';
import { EXIT, stripOneTrailingNewline } from '../io.js';
import { STEP_TITLES, terminalInteraction } from '../rotation-interaction.js';
import { describeProgress, stepText } from '../rotation-steps.js';
import { providerHelp } from '../provider-help.js';
import { parseWaitSeconds } from './parsers.js';
import { fail } from '../../core/domain/problems/problem-error.js';
import { describeAbandoned, rotationToGiveUp } from '../rotation-give-up.js';
import { describeFollowingReferences, keyIdOf, rotationOfKey } from '../rotation-references.js';

interface RotateOptions {
  inPlace?: boolean;
  yes?: boolean;
  newKeyStdin?: boolean;
  revokeWait?: number;
  resume?: boolean;
  remoteId?: string;
  abandon?: boolean;
  differentKey?: boolean;
  newKeyExpires?: string;
}

function summary(rotation: Rotation): string {
  return ROTATION_STEPS.map((s) => {
    const text = stepText(rotation, s);
    return `  ${rotation.steps[s].status.padEnd(7)} ${STEP_TITLES[s]}${text ? ` — ${text}` : ''}`;
  }).join('\n');
}

/**
 * The new key piped in, read before the rotation starts when its create will ask for one, so the
 * core checks it before anything is recorded; null when the create is by API or done already.
 */
async function stdinNewKey(ctx: CliContext, ref: string, opts: RotateOptions): Promise<string | null> {
  if (!ctx.rotations().asksForPastedKey(ref, { resume: opts.resume ?? false, inPlace: opts.inPlace })) return null;
  // Checked by the core, after the lock: a rotation another process runs is answered as such first.
  return stripOneTrailingNewline(await ctx.io.readStdin());
}

export function registerRotateCommands(program: Command, ctx: CliContext): void {
  program
    .command('rotate')
    .description('rotate a key without downtime: create → swap → verify → revoke (resumable)')
    .argument('<ref>', 'PROVIDER/ORG/INSTANCE/NAME or key id')
    .option('--in-place', `${providerHelp.inPlace}: rotate in place — the old key dies at once (downtime until consumers swap)`)
    .option('--yes', 'do not ask: production name check, warnings before revoking')
    .option('--new-key-stdin', 'guided create without a terminal: the new key is read from stdin')
    .option('--revoke-wait <seconds>', 'how long to wait for the old key to be rejected', parseWaitSeconds)
    .option('--resume', 'resume the rotation in progress')
    .option('--remote-id <id>', `the old key's id at the provider (${providerHelp.remoteId}), when its list leaves open which key it is`)
    .option('--abandon', 'give up the rotation in progress: the new key is removed, swap targets get the old key back, the old key stays current')
    .option('--different-key', 'with --resume: the pasted new key was wrong; remove it and paste a different one')
    .option('--new-key-expires <date>', "the expiry chosen in the dashboard for the pasted new key, YYYY-MM-DD (providers whose keys expire, e.g. Nora)")
    .action(async (ref: string, opts: RotateOptions) => {
      if (opts.abandon) {
        if (opts.resume || opts.differentKey || opts.inPlace) fail('rotation.abandon-alone', {});
        const abandoned = await ctx.rotations().abandon(rotationToGiveUp(ctx, ref));
        return ctx.io.out(describeAbandoned(ctx, abandoned));
      }
      if (opts.differentKey) {
        if (!opts.resume) fail('rotation.different-key-needs-resume', {});
        await ctx.rotations().replaceNewKey(rotationToGiveUp(ctx, ref));
        ctx.io.err('the pasted new key was removed: paste a different one\n');
      }
      const stdinKey = opts.newKeyStdin ? await stdinNewKey(ctx, ref, opts) : null;
      // After the swap and after the verify (when the name, and the references by name, move to the new key).
      const keyId = keyIdOf(ctx.vault().read(), ref);
      const onStepDone = (step: RotationStepName) => {
        if (step !== 'swap' && step !== 'verify') return;
        const doc = ctx.vault().read();
        const running = rotationOfKey(doc, keyId);
        if (running) ctx.io.err(describeFollowingReferences(doc, running));
      };
      const interaction = terminalInteraction(ctx.io, { newKeyFromStdin: opts.newKeyStdin ?? false, stdinKey, onStepDone, ...(opts.newKeyExpires ? { expiresOn: opts.newKeyExpires } : {}) });
      const options = { inPlace: opts.inPlace, yes: opts.yes, ...(opts.revokeWait ? { revokeWaitMs: opts.revokeWait * 1000 } : {}), ...(stdinKey === null ? {} : { newKey: stdinKey }), ...(opts.remoteId !== undefined ? { remoteId: opts.remoteId } : {}) };
      if (opts.inPlace && !opts.resume) {
        const doc = ctx.vault().read();
        const provider = resolveProfile(findKey(doc, ref).instance.provider, doc.customProviders).displayName;
        ctx.io.err(`warning: an in-place rotation invalidates the old key the moment ${provider} rotates it: every consumer fails until it has the new key.\n`);
        if (!opts.yes && !(ctx.io.confirm && (await ctx.io.confirm('Rotate in place anyway?')))) {
          ctx.io.err('keyturn: not rotating in place without --yes; leave out --in-place for a rotation without downtime\n');
          ctx.exitCode = EXIT.badInput;
          return;
        }
      }
      // A rotation another process runs is a `busy` problem: exit 4, the same command works once it is done.
      const rotation = opts.resume ? await ctx.rotations().resume(ref, interaction, options) : await ctx.rotations().start(ref, interaction, options);
      if (rotation.state === 'abandoned') return ctx.io.out(describeAbandoned(ctx, rotation));
      const done = rotation.state === 'completed';
      ctx.io.out(`${done ? 'rotation complete' : `rotation stopped at ${describeProgress(rotation)}`}\n${summary(rotation)}\n`);
      ctx.io.out(describeFollowingReferences(ctx.vault().read(), rotation));
      for (const w of rotation.warnings) ctx.io.err(`warning: ${w}\n`);
      if (!done) {
        ctx.io.out(`resume with: keyturn rotate ${ref} --resume\n`);
        ctx.exitCode = EXIT.verificationFailed;
      }
    });

  const rotation = program.command('rotation').description('rotations in progress and their history');
  rotation
    .command('status')
    .description('show rotations in progress and past ones')
    .argument('[ref]', 'only the rotations of this key')
    .option('--json', 'print JSON')
    .action((ref: string | undefined, opts: { json?: boolean }) => {
      const doc = ctx.vault().read();
      const keyId = ref ? findKey(doc, ref).record.id : undefined;
      const rotations = ctx.rotations().list(doc, keyId);
      if (opts.json) return ctx.io.out(`${JSON.stringify(rotations, null, 2)}\n`);
      if (rotations.length === 0) return ctx.io.out('no rotations\n');
      const where = (r: Rotation) => {
        if (r.state === 'completed') return `done ${r.finishedAt?.slice(0, 16).replace('T', ' ') ?? ''}`;
        if (r.state === 'abandoned') return `abandoned ${r.finishedAt?.slice(0, 16).replace('T', ' ') ?? ''}`;
        const owner = ctx.rotations().holder(r.id);
        return `${describeProgress(r)}${owner ? ` — running in ${describeOwner(owner)}` : ''}`;
      };
      ctx.io.out(table([['KEY', 'STARTED', 'STATE', 'WHERE'], ...rotations.map((r) => [refOfRotation(doc, r), r.startedAt.slice(0, 16).replace('T', ' '), r.state, where(r)])]));
    });
}
