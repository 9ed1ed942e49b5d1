import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as z from 'zod';
import { writeFileAtomically } from './atomic-write.js';

/**
 * How Keyturn knows it wrote a rendered file: a record next to it, `.<name>.keyturn-injected`,
 * holding the SHA-256 of what was written (never the content). A file whose content no longer has
 * that hash was changed by someone since (a person's edit): it is not Keyturn's to replace.
 *
 * Kept beside the output rather than in the vault home: a rotation re-renders it in whichever host
 * runs it (the app, browser mode, the CLI), from the target alone.
 */
const recordSchema = z.object({
  kind: z.literal('keyturn-injected'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * The content before the write the record was made for: the record is written first, so a crash
   * before the file itself is replaced still finds the file Keyturn's.
   */
  previousSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  template: z.string().optional(),
  writtenAt: z.string(),
});
type OwnershipRecord = z.infer<typeof recordSchema>;

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function ownershipRecordPath(output: string): string {
  return join(dirname(output), `.${basename(output)}.keyturn-injected`);
}

/** Whom a file at `output` with this content belongs to: Keyturn (as recorded), nobody recorded, or someone who edited it since. */
export async function ownerOf(output: string, content: string): Promise<'keyturn' | 'not-recorded' | 'edited'> {
  const record = await readRecord(output);
  if (!record) return 'not-recorded';
  const hash = sha256(content);
  return hash === record.sha256 || hash === record.previousSha256 ? 'keyturn' : 'edited';
}

/** Records that Keyturn is about to write `content` over what has `previousSha256` (null: no file). Mode 0600. */
export async function recordOwnership(output: string, content: string, previousSha256: string | null, template: string | undefined, now: Date): Promise<void> {
  const record: OwnershipRecord = {
    kind: 'keyturn-injected',
    sha256: sha256(content),
    ...(previousSha256 ? { previousSha256 } : {}),
    ...(template ? { template } : {}),
    writtenAt: now.toISOString(),
  };
  await writeFileAtomically(ownershipRecordPath(output), `${JSON.stringify(record)}\n`);
}

async function readRecord(output: string): Promise<OwnershipRecord | null> {
  let text: string;
  try {
    text = await readFile(ownershipRecordPath(output), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = recordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // not JSON: no record, so the file is not taken for Keyturn's
  }
}
