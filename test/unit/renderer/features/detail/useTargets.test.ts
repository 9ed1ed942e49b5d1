// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KeyturnApi } from '../../../../../electron/contract/api.js';
import type { Target, TargetFileCheck } from '../../../../../electron/contract/views.js';
import { CallError } from '../../../../../renderer/src/api/client.js';
import { useTargets } from '../../../../../renderer/src/features/detail/useTargets.js';
import { fakeHost, resetAppBetweenTests } from '../../fake-host.js';
import { appProblemText } from '../../../../../renderer/src/problems/wordings.js';

resetAppBetweenTests();

const added: Target = { id: 't1', kind: 'dotenv', file: '/home/a/.env', variable: 'KEY' };

function shown<T>(value: T | null): T {
  if (value === null) throw new Error('the hook shows no question');
  return value;
}
const fileCheck = (over: Partial<TargetFileCheck> = {}): TargetFileCheck => ({ path: '/home/a/.env', resolved: '/home/a/.env', throughLink: false, refusal: null, missing: false, ...over });

function targets() {
  const onChanged = vi.fn();
  const hook = renderHook(() => useTargets('xora/acme/jobs/api', onChanged));
  return { ...hook, onChanged };
}

describe('useTargets', () => {
  it('a .env path that is a link is added only once confirmed, written through to where it leads', async () => {
    const targetAdd = vi.fn<KeyturnApi['targetAdd']>(async () => added);
    fakeHost({ targetCheck: async () => fileCheck({ path: '/home/a/link.env', resolved: '/home/a/real.env', throughLink: true }), targetAdd });
    const { result, onChanged } = targets();
    act(() => {
      result.current.setFile('link.env');
      result.current.setVariable('KEY');
    });
    await act(() => result.current.add());
    expect(targetAdd).not.toHaveBeenCalled();
    const link = result.current.pendingLink;
    expect(link?.resolved).toBe('/home/a/real.env');
    await act(() => result.current.confirmLink(shown(link)));
    expect(targetAdd).toHaveBeenCalledWith({ ref: 'xora/acme/jobs/api', target: { kind: 'dotenv', file: '/home/a/link.env', variable: 'KEY', createVariable: false, confirmLinkTo: '/home/a/real.env' } });
    expect(onChanged).toHaveBeenCalledOnce();
    expect(result.current.pendingLink).toBeNull();
    expect(result.current.file).toBe('');
  });

  it('a file the host would not write is refused next to the path, and nothing is added', async () => {
    const targetAdd = vi.fn<KeyturnApi['targetAdd']>(async () => added);
    fakeHost({ targetCheck: async () => fileCheck({ refusal: { code: 'target.file.not-regular', field: 'file', path: '/home/a/pipe.env', what: 'a named pipe (FIFO)' } }), targetAdd });
    const { result } = targets();
    await act(() => result.current.add());
    expect(result.current.failure).toEqual({ field: 'file', text: appProblemText({ code: 'target.file.not-regular', field: 'file', path: '/home/a/pipe.env', what: 'a named pipe (FIFO)' }) });
    expect(targetAdd).not.toHaveBeenCalled();
  });

  it('a missing file waits for the yes, then is created; a new path typed drops the question', async () => {
    const targetAdd = vi.fn<KeyturnApi['targetAdd']>(async () => added);
    fakeHost({ targetCheck: async () => fileCheck({ missing: true }), targetAdd });
    const { result } = targets();
    act(() => result.current.setVariable('KEY'));
    await act(() => result.current.add());
    expect(result.current.pendingCreate?.missing).toBe(true);
    act(() => result.current.setFile('/elsewhere/.env'));
    expect(result.current.pendingCreate).toBeNull();
    await act(() => result.current.add());
    await act(() => result.current.createFile(shown(result.current.pendingCreate)));
    expect(targetAdd).toHaveBeenCalledWith({ ref: 'xora/acme/jobs/api', target: { kind: 'dotenv', file: '/home/a/.env', variable: 'KEY', createVariable: false, createFile: true } });
  });

  it('a command gets one argument per line, blank lines dropped; a refusal naming the command keeps its field', async () => {
    const notFound = new CallError({ code: 'target.command.not-found', field: 'command', command: '/usr/bin/vault', given: 'path' }, 'input');
    const targetAdd = vi.fn<KeyturnApi['targetAdd']>(async () => Promise.reject(notFound));
    fakeHost({ targetAdd });
    const { result } = targets();
    act(() => {
      result.current.setKind('command');
      result.current.setCommand('/usr/bin/vault');
      result.current.setArgs('kv\n\nput\n  \nsecret/app key=-\n');
    });
    await act(() => result.current.add());
    expect(targetAdd).toHaveBeenCalledWith({ ref: 'xora/acme/jobs/api', target: { kind: 'command', command: '/usr/bin/vault', args: ['kv', 'put', 'secret/app key=-'] } });
    expect(result.current.failure).toEqual({ field: 'command', text: notFound.message });
  });
});
