import { resolve } from 'node:path';
import type { AuditSink } from '../../ports/audit-sink.js';
import type { Environment } from '../../domain/model.js';
import type { ResolvedReference } from '../../references/resolve.js';
import { inspectOutput, refuseForeign, refuseOutputIsTemplate, writeOutput } from './output-file.js';
import { renderResolved, resolveTemplate, type RenderSource } from './render-template.js';
import { readTemplate } from './template-file.js';

export interface InjectRequest {
  /** The template file (absolute), or its text when it came on stdin. */
  template: { path: string } | { text: string };
  /** The file to write (absolute); absent: the render is returned for stdout. */
  output?: string;
  /** The environment guard: a key of the other environment is refused. */
  environment?: Environment;
  /** Replace an OUTPUT that Keyturn did not write (or that was changed since). */
  force?: boolean;
}

export interface InjectDeps extends RenderSource {
  audit: AuditSink;
  clock: () => Date;
}

export interface InjectResult {
  /** The render, when there is no OUTPUT (the caller prints it). */
  rendered: string | null;
  /** Each key the template references, once. */
  keys: ResolvedReference[];
  /** OUTPUT already held exactly this render: nothing was written. */
  unchanged: boolean;
}

/**
 * `keyturn inject`: reads the template, resolves every reference (the guard, a missing or unusable
 * key) and checks OUTPUT before a secret is read; then reads each key once, audits each reveal, and
 * writes OUTPUT atomically (0600) or returns the render. Any failure leaves OUTPUT as it was.
 */
export async function injectTemplate(deps: InjectDeps, request: InjectRequest): Promise<InjectResult> {
  const file = 'path' in request.template ? request.template.path : undefined;
  const text = 'path' in request.template ? await readTemplate(request.template.path) : request.template.text;
  const declared = request.environment ? { environment: request.environment, by: 'option' as const } : null;
  const template = resolveTemplate(deps.doc, text, file, declared);
  const output = request.output === undefined ? null : resolve(request.output);
  if (output && file) await refuseOutputIsTemplate(output, file);
  const now = output ? await inspectOutput(output) : null;
  // A file Keyturn did not write is refused before any secret is read.
  if (now && request.force !== true) refuseForeign(now);
  const rendered = await renderResolved(deps, template, file);
  const where = output ? `rendered into ${output}` : 'rendered to standard output';
  deps.audit.appendAll(template.keys.map((k) => ({ action: 'key.inject', keyId: k.record.id, maskedKey: k.record.maskedKey, outcome: 'ok' as const, detail: `${where}${file ? ` from ${file}` : ''}` })));
  if (!now) return { rendered, keys: template.keys, unchanged: false };
  if (now.exists && now.text === rendered && now.owner === 'keyturn') return { rendered: null, keys: template.keys, unchanged: true };
  await writeOutput({ now, text: rendered, ...(file ? { template: file } : {}), clock: deps.clock });
  return { rendered: null, keys: template.keys, unchanged: false };
}

