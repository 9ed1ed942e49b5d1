import type { VaultDocument } from '../../domain/model.js';
import type { SecretStore } from '../../ports/secret-store.js';
import { guardEnvironment, readReferencedSecret, resolveReference, type DeclaredEnvironment, type ReferenceUse, type ResolvedReference } from '../../references/resolve.js';
import { findPlaceholders, renderTemplate, type Placeholder } from '../../references/template.js';

/** What a render reads the keys from: the vault as it is now and its keychain. */
export interface RenderSource {
  doc: VaultDocument;
  secrets: SecretStore;
  keychainService: string;
}

/** A template's placeholders, each resolved to its key (metadata only: no secret read yet). */
export interface ResolvedTemplate {
  text: string;
  placeholders: Placeholder[];
  resolved: ResolvedReference[];
  /** Each key once, in the order the template first names it. */
  keys: ResolvedReference[];
}

/**
 * Finds and resolves every placeholder of a template, each checked against the declared
 * environment, before any secret is read: a bad reference anywhere fails the render (naming the
 * file and line) with the keychain untouched.
 */
export function resolveTemplate(doc: VaultDocument, text: string, file: string | undefined, declared: DeclaredEnvironment | null): ResolvedTemplate {
  const placeholders = findPlaceholders(text, file);
  const resolved = placeholders.map((p) => {
    const use = useOf(p, file);
    const key = resolveReference(doc, p.reference, use);
    guardEnvironment(key, declared, use);
    return key;
  });
  const keys = [...new Map(resolved.map((r) => [r.record.id, r])).values()];
  return { text, placeholders, resolved, keys };
}

/** The template rendered: each key's secret read once from the keychain (a failure names the first line that uses it). */
export async function renderResolved(source: RenderSource, template: ResolvedTemplate, file: string | undefined): Promise<string> {
  const secrets = new Map<string, string>();
  for (const [index, key] of template.resolved.entries()) {
    if (secrets.has(key.record.id)) continue;
    secrets.set(key.record.id, await readReferencedSecret(source.secrets, source.keychainService, key, useOf(template.placeholders[index] as Placeholder, file)));
  }
  const byPlaceholder = new Map(template.placeholders.map((p, i) => [p, secrets.get((template.resolved[i] as ResolvedReference).record.id) as string]));
  return renderTemplate(template.text, template.placeholders, (p) => byPlaceholder.get(p) as string);
}

function useOf(p: Placeholder, file: string | undefined): ReferenceUse {
  return { source: 'template', ...(file === undefined ? {} : { file }), line: p.line };
}
