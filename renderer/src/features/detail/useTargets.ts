import { useState } from 'react';
import type { CallArgs } from '../../../../electron/contract/contract.js';
import type { TargetFileCheck, TargetKind } from '../../../../electron/contract/views.js';
import { hostApi } from '../../api/client.js';
import { failureOf, type Failure } from '../../ui/placed-failure.js';
import { appProblemText } from '../../problems/wordings.js';

/** The kinds the app adds (an inject target, added from the terminal, is listed like any other through describeTarget). */
export type AddableTargetKind = Extract<TargetKind, 'dotenv' | 'command'>;
type NewTarget = CallArgs<'target.add'>['target'];

/**
 * A key's swap targets: the form for a new one, the host's look at a .env path before it is added
 * (a link or a missing file waits for the person's yes), and removing one.
 */
export function useTargets(keyRef: string, onChanged: () => void) {
  const [kind, setKind] = useState<AddableTargetKind>('dotenv');
  const [file, setFileText] = useState('');
  const [variable, setVariable] = useState('');
  const [command, setCommand] = useState('');
  // One argument per line: nothing is split or unquoted behind the person's back, and no shell runs it.
  const [args, setArgs] = useState('');
  const [createVariable, setCreateVariable] = useState(false);
  const [pendingLink, setPendingLink] = useState<TargetFileCheck | null>(null);
  const [pendingCreate, setPendingCreate] = useState<TargetFileCheck | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const fail = (err: unknown) => setFailure(failureOf(err));

  async function save(target: NewTarget) {
    await hostApi().targetAdd({ ref: keyRef, target });
    setFileText('');
    setVariable('');
    setCreateVariable(false);
    setCommand('');
    setArgs('');
    setPendingLink(null);
    setPendingCreate(null);
    setFailure(null);
    onChanged();
  }

  async function add() {
    setPendingLink(null);
    setPendingCreate(null);
    try {
      if (kind === 'command') {
        await save({ kind, command, args: args.split('\n').filter((line) => line.trim() !== '') });
        return;
      }
      // The host says where the path really leads before anything is added: a link is written
      // through only once the person has seen its target and confirmed it.
      const check = await hostApi().targetCheck({ file });
      // A path where nothing is yet becomes a file only once the person says so: a typo must not.
      if (check.missing) {
        setFailure(null);
        return setPendingCreate(check);
      }
      if (check.refusal !== null) return setFailure({ field: 'file', text: appProblemText(check.refusal) });
      if (check.throughLink) {
        setFailure(null);
        return setPendingLink(check);
      }
      await save({ kind, file: check.path, variable, createVariable });
    } catch (err) {
      fail(err);
    }
  }

  async function confirmLink(link: TargetFileCheck) {
    try {
      await save({ kind: 'dotenv', file: link.path, variable, createVariable, confirmLinkTo: link.resolved });
    } catch (err) {
      fail(err);
    }
  }

  async function createFile(missing: TargetFileCheck) {
    try {
      await save({ kind: 'dotenv', file: missing.path, variable, createVariable, createFile: true });
    } catch (err) {
      fail(err);
    }
  }

  async function pickFile() {
    try {
      const picked = await hostApi().pathPick({ kind: 'env-file' });
      if (picked.path) setFileText(picked.path);
    } catch (err) {
      fail(err);
    }
  }

  async function remove(targetId: string) {
    try {
      await hostApi().targetRemove({ ref: keyRef, targetId });
      onChanged();
    } catch (err) {
      fail(err);
    }
  }

  return {
    kind,
    setKind,
    file,
    /** A new path: what the host said about the last one no longer holds. */
    setFile: (text: string) => {
      setFileText(text);
      setPendingLink(null);
      setPendingCreate(null);
    },
    variable,
    setVariable,
    command,
    setCommand,
    args,
    setArgs,
    createVariable,
    setCreateVariable,
    pendingLink,
    cancelLink: () => setPendingLink(null),
    pendingCreate,
    cancelCreate: () => setPendingCreate(null),
    failure,
    add,
    confirmLink,
    createFile,
    pickFile,
    remove,
  };
}

export type TargetsForm = ReturnType<typeof useTargets>;
