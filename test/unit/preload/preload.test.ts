// The bridge exposes the contract's named methods and listeners, and nothing else.
import { expect, it, vi } from 'vitest';
import { CALL_NAMES, channelOf, EVENT_NAMES, listenerOf, methodOf } from '../../../electron/contract/names.js';
import type * as StandInModule from '../../support/electron-stand-in.js';

vi.mock('electron', () => import('../../support/electron-stand-in.js'));
type StandIn = typeof StandInModule;
const { recorded } = (await import('electron')) as unknown as StandIn;
await import('../../../electron/preload/preload.js');
const exposed = recorded.exposedInMainWorld;
const bridge = exposed.get('keyturn') as Record<string, (...args: unknown[]) => unknown>;

it('exposes one global, with exactly one named method per call and one listener per event', () => {
  expect([...exposed.keys()]).toEqual(['keyturn']);
  expect(Object.keys(bridge).sort()).toEqual([...CALL_NAMES.map(methodOf), ...EVENT_NAMES.map(listenerOf)].sort());
  for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  expect(Object.isFrozen(bridge)).toBe(true);
});

it('never exposes ipcRenderer, a generic invoke or send, or process', () => {
  for (const forbidden of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'on', 'process', 'require']) expect(bridge, forbidden).not.toHaveProperty(forbidden);
});

it('sends each method on its own contract channel, with the arguments as given', async () => {
  await bridge.keyReveal?.({ ref: 'xora/acme/main/api' });
  expect(recorded.invoked.at(-1)).toEqual({ channel: channelOf('key.reveal'), args: { ref: 'xora/acme/main/api' } });
});

it('never hands the page the IPC event (it carries the sender): a listener gets the payload only, and can unsubscribe', () => {
  const got: unknown[][] = [];
  const unsubscribe = bridge.onVaultChanged?.((...args: unknown[]) => got.push(args)) as () => void;
  const [forward] = recorded.rendererListeners.get(channelOf('vault.changed')) ?? [];
  forward?.({ sender: 'the IPC event' }, { changed: true });
  expect(got).toEqual([[{ changed: true }]]);
  unsubscribe();
  expect(recorded.rendererListeners.get(channelOf('vault.changed'))).toEqual([]);
});
