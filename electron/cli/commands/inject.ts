import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Environment } from '../../core/domain/model.js';
import { fail, isProblem } from '../../core/domain/problems/problem-error.js';
import { injectTemplate } from '../../core/node/inject/inject.js';
import { keyRef } from '../../core/vault/refs.js';
import type { CliContext } from '../context.js';
import { parseEnvironment } from './parsers.js';

interface InjectOptions {
  inFile?: string;
  outFile?: string;
  environment?: Environment;
  force?: boolean;
  recordTarget?: boolean;
}

export function registerInjectCommand(program: Command, ctx: CliContext): void {
  program
    .command('inject')
    .description('render a template: each {{ keyturn://PROVIDER/ORG/INSTANCE/NAME }} becomes its key (stdin to stdout unless -i/-o)')
    .option('-i, --in-file <template>', 'the template (default: stdin)')
    .option('-o, --out-file <output>', 'write the render here, atomically, mode 0600 (default: stdout)')
    .option('--environment <env>', 'refuse any key not of this environment: sandbox or production', parseEnvironment)
    .option('--force', 'replace OUTPUT even if Keyturn did not write it, or it was changed since')
    .option('--record-target', 'with -i and -o: make OUTPUT a swap target of each key the template references, so a rotation renders it again')
    .action(async (opts: InjectOptions) => {
      if (opts.recordTarget && (opts.inFile === undefined || opts.outFile === undefined)) fail('inject.record-needs-files', {});
      const cwd = process.cwd();
      const templatePath = opts.inFile === undefined ? null : resolve(cwd, opts.inFile);
      const template = templatePath === null ? { text: await ctx.io.readStdin() } : { path: templatePath };
      const output = opts.outFile === undefined ? undefined : resolve(cwd, opts.outFile);
      const core = ctx.core();
      const result = await injectTemplate(
        { doc: core.metadata.read(), secrets: core.secrets, keychainService: core.keychainService, audit: core.audit, clock: () => core.clock.now() },
        { template, ...(output ? { output } : {}), ...(opts.environment ? { environment: opts.environment } : {}), force: opts.force === true },
      );
      if (result.rendered !== null) ctx.io.out(result.rendered);
      else ctx.io.err(`${result.unchanged ? 'unchanged' : 'wrote'} ${output} (mode 0600): ${result.keys.length} key(s)\n`);
      if (!opts.recordTarget || !output || templatePath === null) return;
      for (const key of result.keys) {
        const ref = keyRef(key.instance, key.record);
        try {
          await ctx.vault().addTarget(key.record.id, { kind: 'inject', template: templatePath, output }, cwd);
          ctx.io.err(`recorded ${output} as a swap target of ${ref}: a rotation renders it again\n`);
        } catch (error) {
          if (!isProblem(error, 'target.duplicate')) throw error;
          ctx.io.err(`${output} is already a swap target of ${ref}\n`);
        }
      }
    });
}
