import { useEffect, useState } from 'react';
import type { Settings } from '../../../../electron/contract/views.js';
import { hostApi } from '../../api/client.js';
import { failureOf, type Failure } from '../../ui/placed-failure.js';
import { useApp } from '../../store/store.js';

export type Env = 'production' | 'sandbox';
/** A number field's text: empty means "follow the level above". */
export type DaysText = string;

const toText = (days: number | undefined): DaysText => (days === undefined ? '' : String(days));
const fromText = (text: DaysText): number | undefined => (text.trim() === '' ? undefined : Number(text));

/**
 * The rotation policy as the dialog edits it: read once, each level's days as typed, saved in
 * one call (one audit log entry).
 */
export function useSettings() {
  const close = useApp((s) => s.close);
  const toast = useApp((s) => s.toast);
  const [loaded, setLoaded] = useState<Settings | null>(null);
  const [defaults, setDefaults] = useState<Record<Env, DaysText>>({ production: '', sandbox: '' });
  const [providers, setProviders] = useState<Record<string, Record<Env, DaysText>>>({});
  const [perInstance, setPerInstance] = useState<Record<string, DaysText>>({});
  const [scheduled, setScheduled] = useState<DaysText>('');
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    hostApi()
      .settingsGet({})
      .then(
        (s) => {
          setLoaded(s);
          setDefaults({ production: String(s.defaults.production), sandbox: String(s.defaults.sandbox) });
          setProviders(Object.fromEntries(Object.entries(s.providers).map(([p, d]) => [p, { production: toText(d.production), sandbox: toText(d.sandbox) }])));
          setPerInstance(Object.fromEntries(s.instances.map((i) => [i.ref, String(i.days)])));
          setScheduled(toText(s.scheduledVerifyHours ?? undefined));
        },
        (e: unknown) => setFailure(failureOf(e)),
      );
  }, []);

  async function save() {
    try {
      const providerDays = Object.fromEntries(
        Object.entries(providers)
          .map(([p, d]) => [p, { ...(fromText(d.production) ? { production: fromText(d.production) } : {}), ...(fromText(d.sandbox) ? { sandbox: fromText(d.sandbox) } : {}) }] as const)
          .filter(([, d]) => Object.keys(d).length > 0),
      );
      const instanceDays = Object.fromEntries(Object.entries(perInstance).flatMap(([ref, f]) => (fromText(f) ? [[ref, fromText(f) as number]] : [])));
      await hostApi().settingsSet({
        defaults: { production: Number(defaults.production), sandbox: Number(defaults.sandbox) },
        providers: providerDays,
        instances: instanceDays,
        scheduledVerifyHours: fromText(scheduled) ?? null,
      });
      toast('Policy saved', 'success');
      close();
    } catch (err) {
      setFailure(failureOf(err));
    }
  }

  return {
    loaded,
    failure,
    defaults,
    setDefault: (env: Env, text: DaysText) => setDefaults((d) => ({ ...d, [env]: text })),
    providerDays: (provider: string, env: Env): DaysText => providers[provider]?.[env] ?? '',
    setProviderDays: (provider: string, env: Env, text: DaysText) =>
      setProviders((all) => ({ ...all, [provider]: { production: all[provider]?.production ?? '', sandbox: all[provider]?.sandbox ?? '', [env]: text } })),
    instanceDays: (ref: string): DaysText => perInstance[ref] ?? '',
    setInstanceDays: (ref: string, text: DaysText) => setPerInstance((all) => ({ ...all, [ref]: text })),
    scheduled,
    setScheduled,
    save,
    close,
  };
}
