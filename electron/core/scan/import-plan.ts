import type { Instance, VaultDocument } from '../domain/model.js';
import { problem } from '../domain/problems/problem-error.js';
import type { ScanProblem } from '../domain/problems/scan.js';
import { instanceRef, keyRef } from '../vault/refs.js';
import type { Finding } from './finding.js';

export type Classified = Finding & ({ known: true; keyRef: string } | { known: false });

/** Which findings are already in the vault, by fingerprint: metadata only, never the keychain. */
export function classifyFindings(findings: readonly Finding[], doc: VaultDocument): Classified[] {
  const byFingerprint = new Map(doc.keys.map((k) => [k.fingerprint, k]));
  const instances = new Map(doc.instances.map((i) => [i.id, i]));
  return findings.map((f) => {
    const key = byFingerprint.get(f.fingerprint);
    const instance = key ? instances.get(key.instanceId) : undefined;
    return key && instance ? { ...f, known: true, keyRef: keyRef(instance, key) } : { ...f, known: false };
  });
}

export interface PlannedImport {
  /** One key, wherever it was found: the same secret in several files is one key with several targets. */
  findings: Finding[];
  instance: Instance | null;
  /** Why it cannot be imported, when instance is null. */
  problem: ScanProblem | null;
  name: string;
  targets: { kind: 'dotenv'; file: string; variable: string }[];
}

/** Where each unknown key would go: the one instance that fits it, else why none can be chosen. */
export function planImport(classified: readonly Classified[], doc: VaultDocument): PlannedImport[] {
  const groups = new Map<string, Finding[]>();
  for (const f of classified) if (!f.known) groups.set(f.fingerprint, [...(groups.get(f.fingerprint) ?? []), f]);
  const taken = new Set(doc.keys.map((k) => `${k.instanceId}/${k.name}`));
  return [...groups.values()].map((findings) => {
    const first = findings[0] as Finding;
    const fits = doc.instances.filter((i) => first.providerId !== null && i.provider === first.providerId && (!first.environment || i.env === first.environment) && (!first.org || i.org === first.org));
    const instance = fits.length === 1 ? (fits[0] as Instance) : null;
    const why =
      fits.length === 0
        ? noInstance(first)
        : fits.length > 1
          ? problem('scan.several-instances', { count: fits.length, instances: fits.map(instanceRef) })
          : null;
    const base = (first.variable ?? 'key').toLowerCase().replace(/_/g, '-').replace(/[^a-z0-9.-]/g, '') || 'key';
    let name = base;
    for (let n = 2; instance && taken.has(`${instance.id}/${name}`); n++) name = `${base}-${n}`;
    if (instance) taken.add(`${instance.id}/${name}`);
    return { findings, instance, problem: why, name, targets: findings.flatMap((f) => (f.variable === null ? [] : [{ kind: 'dotenv' as const, file: f.file, variable: f.variable }])) };
  });
}

/** No instance of the finding's provider, in its environment and organization where the key says them. */
export function noInstance(finding: Finding): ScanProblem {
  return problem('scan.no-instance', {
    provider: finding.providerId ?? 'unknown',
    ...(finding.environment ? { env: finding.environment } : {}),
    ...(finding.org ? { org: finding.org } : {}),
  });
}
