import type * as z from 'zod';
import { customProviderSchema, instanceSchema, keyRecordSchema, rotationSchema, vaultDocumentSchema, type VaultDocument } from '../domain/model.js';

/** One part of vault.json that could not be read: where it is and what is wrong, never its contents. */
export interface DamagedPart {
  /** e.g. `keys[12] (id 3f…, name ci)` or `policy`. */
  where: string;
  problem: string;
}

export interface ParsedDocument {
  doc: VaultDocument;
  damage: DamagedPart[];
}

const LISTS = { instances: instanceSchema, keys: keyRecordSchema, customProviders: customProviderSchema, rotations: rotationSchema } as const;
const OPTIONAL_LISTS: ReadonlySet<string> = new Set(['rotations']);
const FIELDS = ['vaultId', 'policy', 'reminders', 'scheduledVerifyHours', 'auditLog'] as const;

/**
 * Reads a vault document record by record, so one bad field hides one record, not the vault: every
 * record that parses is kept, every one that does not is named in `damage` with what is wrong.
 * Fields this version does not know are kept (the schemas are loose).
 */
export function parseVaultDocument(raw: Record<string, unknown>): ParsedDocument {
  const damage: DamagedPart[] = [];
  const doc: Record<string, unknown> = { ...raw, schemaVersion: 1 };
  if (raw.schemaVersion !== 1) {
    damage.push({
      where: 'schemaVersion',
      problem: raw.schemaVersion === undefined ? 'is missing' : `is ${JSON.stringify(raw.schemaVersion)}: the file was written by another version of Keyturn (this one reads version 1)`,
    });
  }
  for (const [name, schema] of Object.entries(LISTS) as [keyof typeof LISTS, z.ZodType][]) {
    const list = raw[name];
    if (list === undefined && OPTIONAL_LISTS.has(name)) {
      doc[name] = [];
      continue;
    }
    if (!Array.isArray(list)) {
      damage.push({ where: name, problem: list === undefined ? 'is missing' : 'is not a list' });
      doc[name] = [];
      continue;
    }
    const kept: unknown[] = [];
    list.forEach((item: unknown, index) => {
      const parsed = schema.safeParse(item);
      if (parsed.success) kept.push(parsed.data);
      else damage.push({ where: `${name}[${index}]${labelOf(item)}`, problem: describeIssues(parsed.error.issues) });
    });
    doc[name] = kept;
  }
  for (const field of FIELDS) {
    if (raw[field] === undefined) continue;
    const parsed = vaultDocumentSchema.shape[field].safeParse(raw[field]);
    if (parsed.success) doc[field] = parsed.data;
    else {
      damage.push({ where: field, problem: describeIssues(parsed.error.issues) });
      delete doc[field];
    }
  }
  // Every part was parsed by its own schema above; parsing the whole again would double the cost of
  // opening a large vault for nothing.
  return { doc: doc as VaultDocument, damage };
}

/** The record's id and name, which carry no secret, so the person can find it in the file. */
function labelOf(item: unknown): string {
  if (typeof item !== 'object' || item === null) return '';
  const record = item as Record<string, unknown>;
  const parts = (['id', 'name'] as const).flatMap((k) => (typeof record[k] === 'string' ? [`${k} ${(record[k] as string).slice(0, 64)}`] : []));
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const described = issues.slice(0, 3).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'the value'}: ${issue.message}`);
  const more = issues.length > 3 ? `; and ${issues.length - 3} more` : '';
  return `${described.join('; ')}${more}`;
}

export function describeDamage(part: DamagedPart): string {
  return `${part.where}: ${part.problem}`;
}
