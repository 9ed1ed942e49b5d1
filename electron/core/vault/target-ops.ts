import { writeFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { UserInputError } from '../domain/errors.js';
import { commandProblem } from '../targets/command-target.js';
import type { Target, VaultDocument } from '../domain/model.js';
import { absoluteTargetPath, checkDotenvFile, readCheckedFile, type DotenvFileCheck } from '../targets/dotenv-checks.js';
import { missingVariable } from '../targets/dotenv-file.js';
import { readDotenvValue } from '../targets/dotenv-text.js';
import { findKey, keyRef } from './refs.js';


/**
 * A target refused until the person allows something: writing through a link, or appending the
 * variable. Each host says how to allow it in its own words (a CLI flag, a button in the app).
 */
export class TargetConsentError extends UserInputError {
  constructor(
    message: string,
    readonly consent: 'follow-link' | 'create-variable' | 'create-file',
  ) {
    super(message);
  }
}

export type NewTarget =
  | {
      kind: 'dotenv';
      file: string;
      variable: string;
      /** Append the variable if the file lacks it (else such a file is refused). */
      createVariable?: boolean;
      /** Create the file (0600, holding `VARIABLE=`) if nothing is at the path (else the path is refused). */
      createFile?: boolean;
      /** The person saw that the path is a link and accepted writing through it to this path. */
      confirmLinkTo?: string;
    }
  | { kind: 'command'; command: string; args: string[]; timeoutMs?: number };

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Where a .env path really leads and whether Keyturn will write it; a relative path is taken from `cwd`. */
export async function inspectTargetFile(file: string, cwd: string): Promise<DotenvFileCheck> {
  if (file.trim() === '') throw new UserInputError('give the .env file to write');
  const { path, resolved, throughLink, refusal, missing } = await checkDotenvFile(absoluteTargetPath(file, cwd));
  return { path, resolved, throughLink, refusal, missing };
}

/**
 * Checks a target definition and gives it an id; a relative .env path is taken from `cwd` and
 * stored absolute. The file is checked as the swap will check it again before writing.
 */
export async function makeTarget(input: NewTarget, id: string, cwd: string): Promise<Target> {
  if (input.kind === 'dotenv') {
    if (!VARIABLE.test(input.variable)) throw new UserInputError(`"${input.variable}" is not a variable name: use letters, digits and "_", starting with a letter or "_"`);
    if (input.file.trim() === '') throw new UserInputError('give the .env file to write');
    const path = absoluteTargetPath(input.file, cwd);
    let check = await checkDotenvFile(path);
    if (check.missing) {
      // A file that does not exist yet is created only when the person asked: a typo must not become a new file.
      if (!input.createFile) throw new TargetConsentError(`${path} does not exist: nothing was added; create the file, or let Keyturn create it`, 'create-file');
      await createDotenvFile(path, input.variable);
      check = await checkDotenvFile(path);
    }
    if (check.refusal !== null || !check.stats) throw new UserInputError(`${check.refusal ?? `${check.path} cannot be looked at`}; nothing was added`);
    if (check.throughLink && input.confirmLinkTo !== check.resolved) {
      const seen = input.confirmLinkTo === undefined ? '' : ` (not ${input.confirmLinkTo}, as confirmed)`;
      throw new TargetConsentError(`${check.path} is a link to ${check.resolved}${seen}: nothing was added; confirm writing the key through it`, 'follow-link');
    }
    if (!input.createVariable) {
      const text = await readCheckedFile(check.resolved, check.stats).catch((error: unknown) => {
        throw new UserInputError(`${error instanceof Error ? error.message : `${check.path} cannot be read`}; nothing was added`);
      });
      if (readDotenvValue(text, input.variable) === null) throw new TargetConsentError(missingVariable(check.path, input.variable, 'add'), 'create-variable');
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
  if (input.command.trim() === '') throw new UserInputError('give the command to run after --, e.g. -- vault kv put secret/app key=-');
  const missingProgram = await commandProblem(input.command, process.env, cwd);
  if (missingProgram) throw new UserInputError(`${missingProgram}: nothing was added`);
  // A path like ./bin/put-secret is the program found here, now: stored whole, so a rotation run
  // from another folder neither refuses it nor pipes the key to another program of that name.
  const command = input.command.includes('/') && !isAbsolute(input.command) ? resolve(cwd, input.command) : input.command;
  return { id, kind: 'command', command, args: input.args, ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}) };
}

/** A new .env file holding an empty slot for the variable, readable by its owner only (it will hold a key). */
async function createDotenvFile(path: string, variable: string): Promise<void> {
  try {
    await writeFile(path, `${variable}=\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error';
    throw new UserInputError(`${path} could not be created (${code}): nothing was added`);
  }
}

export function addTargetTo(doc: VaultDocument, ref: string, target: Target): VaultDocument {
  const { record, instance } = findKey(doc, ref);
  const same = record.targets.find((t) => t.kind === 'dotenv' && target.kind === 'dotenv' && t.file === target.file && t.variable === target.variable);
  if (same) throw new UserInputError(`${keyRef(instance, record)} already writes ${target.kind === 'dotenv' ? `${target.variable} in ${target.file}` : 'that'} (target ${same.id})`);
  return { ...doc, keys: doc.keys.map((k) => (k.id === record.id ? { ...k, targets: [...k.targets, target] } : k)) };
}

export function removeTargetFrom(doc: VaultDocument, ref: string, targetId: string): { doc: VaultDocument; removed: Target } {
  const { record, instance } = findKey(doc, ref);
  const removed = record.targets.find((t) => t.id === targetId || t.id.startsWith(targetId));
  if (!removed) throw new UserInputError(`${keyRef(instance, record)} has no target ${targetId}: "keyturn target list ${keyRef(instance, record)}" shows them`);
  return { doc: { ...doc, keys: doc.keys.map((k) => (k.id === record.id ? { ...k, targets: k.targets.filter((t) => t.id !== removed.id) } : k)) }, removed };
}
