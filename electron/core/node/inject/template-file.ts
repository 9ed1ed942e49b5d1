import { realpath } from 'node:fs/promises';
import { fail } from '../../domain/problems/problem-error.js';
import { readCappedRegularFile } from '../fs/read-capped.js';

/** No template is this large; a larger file is not what the person meant, and is never read whole. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

/**
 * A template's text. It holds references, never a secret, so a link to it is followed (a template
 * kept in a dotfiles folder); what is read is a regular file within the size cap.
 */
export async function readTemplate(path: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail('inject.template-unreadable', { field: 'file', path, reason: code === 'ENOENT' ? 'it does not exist' : `it cannot be opened (${code ?? 'error'})` });
  }
  const read = await readCappedRegularFile(real, MAX_TEMPLATE_BYTES);
  if (!read.ok) fail('inject.template-unreadable', { field: 'file', path, reason: read.reason });
  return read.text;
}
