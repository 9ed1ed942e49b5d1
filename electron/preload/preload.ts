// The bridge, and nothing else: one named method per contract call, one listener per event.
// Never ipcRenderer itself, a generic invoke, or process.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_NAMES, channelOf, EVENT_NAMES, listenerOf, methodOf } from '../contract/names.js';

const bridge: Record<string, unknown> = {};
for (const name of CALL_NAMES) {
  const channel = channelOf(name);
  bridge[methodOf(name)] = (args: unknown) => ipcRenderer.invoke(channel, args);
}
for (const event of EVENT_NAMES) {
  const channel = channelOf(event);
  bridge[listenerOf(event)] = (listener: (payload: unknown) => void) => {
    // The page's listener gets the payload only, never the IPC event (which carries the sender).
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => void ipcRenderer.removeListener(channel, forward);
  };
}
contextBridge.exposeInMainWorld('keyturn', Object.freeze(bridge));
