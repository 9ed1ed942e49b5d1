import { writeFile } from 'node:fs/promises';
import { fail } from '../../../../domain/problems/problem-error.js';
import { absoluteTargetPath, checkDotenvFile, readCheckedFile, refused, type DotenvFileCheck } from './file-checks.js';
import type { DotenvTarget, NewDotenvTarget } from '../../../../targets/kinds/dotenv/schema.js';
import { readDotenvValue, VARIABLE } from '../../../../targets/kinds/dotenv/text.js';
import { typedBack } from '../../../../domain/problems/params.js';

/** Where a .env path really leads and whether Keyturn will write it; a relative path is taken from `cwd`. */
export async function inspectDotenvFile(file: string, cwd: string): Promise<DotenvFileCheck> {
  if (file.trim() === '') fail('target.file.required', { field: 'file' });
  const { path, resolved, throughLink, refusal, missing } = await checkDotenvFile(absoluteTargetPath(file, cwd));
  return { path, resolved, throughLink, refusal, missing };
}

/**
 * A .env target from what a person gave: the path made absolute against `cwd`, the file checked as
 * the swap will check it again before writing. A link, a missing variable or a missing file need
 * the person's leave (`target.needs-consent`): a typo must not become a new file or a new line.
 */
export async function makeDotenvTarget(input: NewDotenvTarget, id: string, cwd: string): Promise<DotenvTarget> {
  if (!VARIABLE.test(input.variable)) fail('target.variable.invalid', { field: 'variable', variable: typedBack(input.variable) });
  if (input.file.trim() === '') fail('target.file.required', { field: 'file' });
  const path = absoluteTargetPath(input.file, cwd);
  let check = await checkDotenvFile(path);
  if (check.missing) {
    if (!input.createFile) fail('target.needs-consent', { consent: 'create-file', field: 'file', path });
    await createDotenvFile(path, input.variable);
    check = await checkDotenvFile(path);
  }
  if (check.refusal !== null) throw refused(check.refusal);
  if (!check.stats) fail('target.file.cannot-look', { field: 'file', path: check.path, osCode: 'error' });
  if (check.throughLink && input.confirmLinkTo !== check.resolved) {
    fail('target.needs-consent', { consent: 'follow-link', field: 'file', path: check.path, resolved: check.resolved, ...(input.confirmLinkTo === undefined ? {} : { confirmed: input.confirmLinkTo }) });
  }
  if (!input.createVariable) {
    const text = await readCheckedFile(check.resolved, check.stats);
    if (readDotenvValue(text, input.variable) === null) fail('target.needs-consent', { consent: 'create-variable', field: 'variable', path: check.path, variable: input.variable });
  }
  return {
    id,
    kind: 'dotenv',
    file: check.path,
    variable: input.variable,
    ...(check.throughLink ? { linkTo: check.resolved } : {}),
    ...(input.createVariable ? { createVariable: true } : {}),
  };
}

/** A new .env file holding an empty slot for the variable, readable by its owner only (it will hold a key). */
async function createDotenvFile(path: string, variable: string): Promise<void> {
  try {
    await writeFile(path, `${variable}=\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error';
    fail('target.file.create-failed', { field: 'file', path, osCode: code });
  }
}
