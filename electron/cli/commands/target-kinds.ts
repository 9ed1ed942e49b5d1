import type { Target, TargetKind } from '../../core/domain/model.js';
import { fail } from '../../core/domain/problems/problem-error.js';
import type { NewTarget } from '../../core/targets/kinds.js';
import { inspectTargetFile } from '../../core/node/vault/target-ops.js';
import type { CliContext } from '../context.js';
import { typedBack } from '../../core/domain/problems/params.js';

export interface TargetAddOptions {
  followLink?: boolean;
  createVariable?: boolean;
  createFile?: boolean;
}

/** How `keyturn target add REF KIND ...` reads one kind of target from the command line. */
export interface CliTargetKind {
  /** How it is written after `keyturn target add REF`. */
  form: string;
  /** The target to add from what follows KIND; `report` says what adding it did besides (a file created). */
  read(rest: readonly string[], opts: TargetAddOptions, ctx: CliContext): Promise<{ input: NewTarget; report?: (added: Target) => string | null }>;
}

/**
 * Shows where FILE really leads (a relative path made absolute, a link followed) before anything
 * is added; a link is written through only on a yes or --follow-link. Refusals come from the vault.
 */
async function confirmedLink(ctx: CliContext, file: string, followLink: boolean): Promise<{ linkTo?: string; missing: boolean }> {
  const check = await inspectTargetFile(file, process.cwd());
  if (check.path !== file) ctx.io.out(`${file} is ${check.path}\n`);
  if (check.refusal !== null || !check.throughLink) return { missing: check.missing };
  ctx.io.out(`${check.path} is a link to ${check.resolved}\n`);
  if (followLink) return { linkTo: check.resolved, missing: false };
  if (ctx.io.confirm && (await ctx.io.confirm(`Write the key through the link, to ${check.resolved}?`))) return { linkTo: check.resolved, missing: false };
  return fail('target.needs-consent', { consent: 'follow-link', field: 'file', path: check.path, resolved: check.resolved });
}

/** One entry per kind of target (the compiler asks for a new kind's). */
export const CLI_TARGET_KINDS: { readonly [K in TargetKind]: CliTargetKind } = {
  dotenv: {
    form: 'dotenv FILE VARIABLE',
    async read(rest, opts, ctx) {
      if (rest.length !== 2) fail('target.malformed', { form: this.form });
      const [file = '', variable = ''] = rest;
      const { linkTo: confirmLinkTo, missing } = await confirmedLink(ctx, file, opts.followLink === true);
      return {
        input: { kind: 'dotenv', file, variable, createVariable: opts.createVariable === true, createFile: opts.createFile === true, ...(confirmLinkTo ? { confirmLinkTo } : {}) },
        report: (added) => (missing && added.kind === 'dotenv' ? `created ${added.file} (mode 0600) with an empty ${added.variable}= line` : null),
      };
    },
  },
  command: {
    form: 'command -- CMD [ARGS...]',
    async read(rest) {
      const [command, ...args] = rest[0] === '--' ? rest.slice(1) : rest;
      if (!command) fail('target.malformed', { form: this.form });
      return { input: { kind: 'command', command, args } };
    },
  },
  inject: {
    form: 'inject TEMPLATE OUTPUT',
    async read(rest) {
      if (rest.length !== 2) fail('target.malformed', { form: this.form });
      const [template = '', output = ''] = rest;
      return { input: { kind: 'inject', template, output } };
    },
  },
};

export function cliTargetKind(kind: string): CliTargetKind {
  const known = Object.keys(CLI_TARGET_KINDS);
  if (!Object.hasOwn(CLI_TARGET_KINDS, kind)) fail('target.kind.unknown', { kind: typedBack(kind), known });
  return CLI_TARGET_KINDS[kind as TargetKind];
}
