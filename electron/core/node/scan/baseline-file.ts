import { readFile, rename, writeFile } from 'node:fs/promises';
import { ProblemError, problem } from '../../domain/problems/problem-error.js';
import { EMPTY_BASELINE, parseBaseline, type Baseline } from '../../scan/baseline.js';

/**
 * The baseline in `file`. A file that is not there is an empty baseline when it is only the one a
 * scan looks for at its root (`given: false`); one the person named must be there and readable.
 */
export async function readBaselineFile(file: string, options: { given: boolean }): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code ?? 'error';
    if (code === 'ENOENT' && !options.given) return EMPTY_BASELINE;
    throw new ProblemError(problem('baseline.unreadable', { path: file, reason: code }), { cause: error });
  }
  return parseBaseline(text, file);
}

/** Writes a baseline's text whole (a temporary file renamed over it): a reader never sees half of it. */
export async function writeBaselineFile(file: string, text: string): Promise<void> {
  const temporary = `${file}.keyturn-${process.pid}.tmp`;
  try {
    await writeFile(temporary, text, { mode: 0o644 });
    await rename(temporary, file);
  } catch (error) {
    throw new ProblemError(problem('baseline.unwritable', { path: file, reason: (error as NodeJS.ErrnoException | null)?.code ?? 'error' }), { cause: error });
  }
}
