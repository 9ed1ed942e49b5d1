import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { dispatchCall } from '../app/call-dispatch.js';
import type { CallReply } from '../contract/api.js';
import type { Handlers } from '../contract/contract.js';
import { CALL_NAMES, channelOf } from '../contract/names.js';

const REFUSED: CallReply<never> = { ok: false, error: { kind: 'failure', problem: { code: 'host.untrusted-sender' } } };

/**
 * The contract over IPC: one handler per call, each checking who sent it before the arguments
 * are parsed by the contract's schema. Channel names come from the contract, never written here.
 */
export function registerContract(handlers: Handlers, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(channelOf(name), async (event, args: unknown): Promise<CallReply<unknown>> => {
      if (!isTrustedSender(event)) return REFUSED;
      return (await dispatchCall(handlers, name, args)).reply;
    });
  }
}
