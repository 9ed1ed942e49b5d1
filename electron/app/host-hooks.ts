import type { CopyResult } from '../contract/views.js';
import type { EventPayloads } from '../contract/contract.js';
import type { EventName } from '../contract/names.js';

/** What a UI host (Electron, browser mode) gives the calls: the clipboard, the outside browser, its file dialog, its events. */
export interface HostHooks {
  /** Electron writes the clipboard in main and clears it; browser mode lets the page do it. */
  copy: ((secret: string) => CopyResult) | null;
  /** Opens a provider dashboard outside the app; false when the URL is not a known dashboard. */
  openExternal: (url: string) => Promise<boolean>;
  /** The host's own file dialog; null where there is none (browser mode: the page asks for a typed path). */
  pickPath: ((kind: 'env-file' | 'folder') => Promise<string | null>) | null;
  emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => void;
}
