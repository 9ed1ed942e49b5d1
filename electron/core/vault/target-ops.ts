import { isAbsolute, resolve } from 'node:path';
import { UserInputError } from '../domain/errors.js';
import type { Target, VaultDocument } from '../domain/model.js';
import { findKey, keyRef } from './refs.js';

export type NewTarget = { kind: 'dotenv'; file: string; variable: string } | { kind: 'command'; command: string; args: string[]; timeoutMs?: number };

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Checks a target definition and gives it an id; a relative .env path is taken from `cwd`. */
export function makeTarget(input: NewTarget, id: string, cwd: string): Target {
  if (input.kind === 'dotenv') {
    if (!VARIABLE.test(input.variable)) throw new UserInputError(`"${input.variable}" is not a variable name: use letters, digits and "_", starting with a letter or "_"`);
    if (input.file.trim() === '') throw new UserInputError('give the .env file to write');
    return { id, kind: 'dotenv', file: isAbsolute(input.file) ? input.file : resolve(cwd, input.file), variable: input.variable };
  }
  if (input.command.trim() === '') throw new UserInputError('give the command to run after --, e.g. -- vault kv put secret/app key=-');
  return { id, kind: 'command', command: input.command, args: input.args, ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}) };
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
