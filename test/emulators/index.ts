// Entry point of the provider emulators: start one, or all four. See README.md.
import { launch } from './emulator.js';
import { nexoraDefinition } from './nexora.js';
import { noraDefinition } from './nora.js';
import type { EmulatorByProvider, EmulatorOptions, ProviderName } from './types.js';
import { xerotierDefinition } from './xerotier.js';
import { xoraDefinition } from './xora.js';

export type * from './types.js';
export { ControlError } from './errors.js';
export { CONTROL_PREFIX, TOKEN_HEADER } from './control-http.js';
export { XORA_DEFAULT_MODES, XORA_KEY_PATTERN } from './xora.js';
export { NEXORA_DEFAULT_KEY_LENGTH, NEXORA_DEFAULT_USER, NEXORA_KEY_PATTERN, NEXORA_PREFIX_LENGTH } from './nexora.js';
export { NORA_DEFAULT_MODES, NORA_DEFAULT_ORG, NORA_KEYS_PATH, NORA_PREFIX } from './nora.js';
export { XEROTIER_DEFAULT_MODES, XEROTIER_DEFAULT_SLUG, XEROTIER_KEY_PATTERN } from './xerotier.js';

export const PROVIDERS: readonly ProviderName[] = ['xora', 'nexora', 'nora', 'xerotier'];

const clock = (opts: EmulatorOptions): (() => Date) => opts.now ?? (() => new Date());

const starters: { [P in ProviderName]: (opts: EmulatorOptions) => Promise<EmulatorByProvider[P]> } = {
  xora: (opts) => launch(xoraDefinition(clock(opts), opts.xora), opts),
  nexora: (opts) => launch(nexoraDefinition(clock(opts), opts.nexora), opts),
  nora: (opts) => launch(noraDefinition(clock(opts), opts.nora), opts),
  xerotier: (opts) => launch(xerotierDefinition(clock(opts), opts.xerotier), opts),
};

export function startEmulator<P extends ProviderName>(provider: P, opts: EmulatorOptions = {}): Promise<EmulatorByProvider[P]> {
  const start: (opts: EmulatorOptions) => Promise<EmulatorByProvider[P]> = starters[provider];
  return start(opts);
}

export type AllEmulators = EmulatorByProvider & { close(): Promise<void> };

export async function startAllEmulators(opts: EmulatorOptions = {}): Promise<AllEmulators> {
  const [xora, nexora, nora, xerotier] = await Promise.allSettled([
    startEmulator('xora', opts),
    startEmulator('nexora', opts),
    startEmulator('nora', opts),
    startEmulator('xerotier', opts),
  ] as const);
  const started = [xora, nexora, nora, xerotier].flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const close = async (): Promise<void> => {
    await Promise.all(started.map((e) => e.close()));
  };
  if (xora.status === 'fulfilled' && nexora.status === 'fulfilled' && nora.status === 'fulfilled' && xerotier.status === 'fulfilled') {
    return { xora: xora.value, nexora: nexora.value, nora: nora.value, xerotier: xerotier.value, close };
  }
  await close();
  const failure = [xora, nexora, nora, xerotier].find((s) => s.status === 'rejected');
  throw failure?.reason instanceof Error ? failure.reason : new Error('an emulator failed to start');
}
