import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Handlers } from '../contract/contract.js';
import type { KeyRow, ProviderInfo } from '../contract/views.js';
import { auditRows, auditSummary, exportAudit } from '../core/audit/audit-report.js';
import { readAuditLog, verifyLog } from '../core/node/audit/verify-log.js';
import { fail } from '../core/domain/problems/problem-error.js';
import { keyPolicyState, needsAttention } from '../core/policy/key-policy.js';
import { setKeyDates } from '../core/policy/policy-changes.js';
import { readSettings, saveSettings } from '../core/policy/settings.js';
import { emergencyRevoke } from '../core/emergency/emergency-revoke.js';
import { findLeakCandidates } from '../core/emergency/leak-candidates.js';
import { builtinProfiles, resolveProfile } from '../core/providers/registry.js';
import type { ProviderProfile } from '../core/providers/profile.js';
import { findKey } from '../core/vault/refs.js';
import { inspectTargetFile } from '../core/node/vault/target-ops.js';
import type { AppCore } from './app-core.js';
import { RotationSessions } from './rotation-sessions.js';
import { addFindingCall, scanFolderCall } from './scan-calls.js';
import { teamCalls, teamLeakMatches } from './team-calls.js';
import { typedBack } from '../core/domain/problems/params.js';
import type { HostHooks } from './host-hooks.js';

export type { HostHooks } from './host-hooks.js';


const REVEAL_SECONDS = 20;
/** How long a copied secret stays on the clipboard (if nothing else was copied since). */
export const CLIPBOARD_SECONDS = 30;

function providerInfo(p: ProviderProfile): ProviderInfo {
  return {
    id: p.id,
    displayName: p.displayName,
    keyFormat: p.keyFormat,
    needsProjectId: p.requires.projectId,
    needsBaseUrl: p.defaultBaseUrl('production') === null,
    createBy: p.capabilities.create,
    revokeBy: p.capabilities.revoke,
    rotateInPlace: p.capabilities.rotateInPlace,
    nativeExpiry: p.nativeExpiry !== undefined,
  };
}

/** A path typed in the app: absolute, or from the home folder; a relative one would depend on where the host started. */
function fullPath(typed: string): string {
  const expanded = typed === '~' || typed.startsWith('~/') ? join(homedir(), typed.slice(1)) : typed;
  if (!isAbsolute(expanded)) fail('scan.folder-not-full-path', { value: typedBack(typed) });
  return expanded;
}

/** Every call of the contract, implemented once on core for both UI hosts (Electron and browser mode). */
export function createHandlers(core: AppCore, hooks: HostHooks): Handlers {
  // The dock badge follows the vault at once: a rotated, removed or verified key changes it now.
  const refreshAttention = () => {
    try {
      core.reminders.refreshAttention();
    } catch {
      // The next scheduled check sets it; a badge is never worth failing a call for.
    }
  };
  const sessions = new RotationSessions(core.rotations, core.metadata, (rotationId) => {
    hooks.emit('rotation.changed', { rotationId });
    if (core.metadata.read().rotations.find((r) => r.id === rotationId)?.state !== 'in-progress') refreshAttention();
  });
  core.beforeClose(() => sessions.stop());
  const vaultChanged = <T>(value: T): T => {
    hooks.emit('vault.changed', {});
    // In a vault joined to a team, the change waits in the outbox: the background sync delivers it.
    core.teamSync.changed();
    refreshAttention();
    return value;
  };
  return {
    'vault.overview': async () => {
      const doc = core.vault.read();
      const now = core.clock.now();
      const instances = new Map(doc.instances.map((i) => [i.id, i]));
      const policies = new Map<string, KeyRow['policy']>();
      for (const record of doc.keys) {
        const instance = instances.get(record.instanceId);
        if (!instance) continue;
        const p = keyPolicyState(record, instance, doc.policy, now);
        policies.set(record.id, { state: p.state, dueOn: p.date, dueBy: p.drivenBy });
      }
      const keys = core.vault.listKeys().flatMap((k) => {
        const policy = policies.get(k.id);
        return policy ? [{ ...k, policy }] : [];
      });
      return {
        instances: doc.instances,
        keys,
        // A rotation's pending key is never counted as a key of its own (its rotation is shown).
        attention: keys.filter((k) => needsAttention(k, k.policy.state)).length,
        rejected: keys.filter((k) => k.rejected && k.status === 'active' && k.pendingFor === null).length,
        providers: [...builtinProfiles, ...doc.customProviders.map((c) => resolveProfile(c.name, doc.customProviders))].map(providerInfo),
        warnings: [...core.warnings()],
      };
    },
    'instance.add': async (args) => vaultChanged(await core.vault.addInstance(args)),
    'key.check': async ({ instanceRef, newInstance, secret }) => core.vault.checkKey(newInstance ?? instanceRef ?? '', secret),
    // A key the provider rejects reaches the dialog as `key.rejected`, worded with its "Store without checking" box.
    'key.add': async (args) => vaultChanged(await core.vault.addKey(args)),
    'key.detail': async ({ ref }) => {
      const doc = core.vault.read();
      const { record, instance } = findKey(doc, ref);
      return {
        key: core.vault.showKey(ref),
        targets: record.targets,
        referenceSites: record.referenceSites ?? [],
        scanSites: record.scanSites ?? [],
        rotations: core.rotations.list(doc, record.id),
        dashboard: resolveProfile(instance.provider, doc.customProviders).dashboard(instance),
      };
    },
    'key.verify': async ({ refs }) => vaultChanged(await core.vault.verify(refs)),
    'key.reveal': async ({ ref }) => ({ secret: await core.vault.revealSecret(ref, 'key.reveal'), hideAfterSeconds: REVEAL_SECONDS }),
    'key.copy': async ({ ref }) => {
      const secret = await core.vault.revealSecret(ref, 'key.copy');
      return hooks.copy ? hooks.copy(secret) : { by: 'renderer', secret, clearsAfterSeconds: CLIPBOARD_SECONDS };
    },
    'key.setDates': async ({ ref, expiresOn, maxAgeDays }) => vaultChanged(await setKeyDates(core, ref, { expiresOn, maxAgeDays })),
    // A production instance's key or the instance itself: its name typed back (`removal.not-confirmed`, next to that field).
    'key.remove': async ({ ref, confirmInstanceName }) => vaultChanged(await core.vault.removeKey(ref, { confirmInstanceName })),
    'key.rename': async ({ ref, name }) => vaultChanged(await core.vault.renameKey(ref, name)),
    'instance.remove': async ({ ref, confirmInstanceName }) => vaultChanged(await core.vault.removeInstance(ref, { confirmInstanceName })),
    'target.check': async ({ file }) => inspectTargetFile(file, core.home),
    'target.add': async ({ ref, target }) => vaultChanged(await core.vault.addTarget(ref, target, core.home)),
    'target.remove': async ({ ref, targetId }) => vaultChanged(await core.vault.removeTarget(ref, targetId)),
    'rotation.start': async ({ ref, inPlace, confirmInstanceName }) => sessions.start(ref, inPlace, confirmInstanceName),
    'rotation.resume': async ({ ref }) => sessions.resume(ref),
    'rotation.get': async ({ rotationId }) => sessions.view(rotationId),
    'rotation.answer': async ({ rotationId, answer }) => sessions.answer(rotationId, answer),
    'rotation.inProgress': async () => sessions.inProgress(),
    'rotation.checkNewKey': async ({ rotationId, secret }) => core.rotations.checkNewKey(rotationId, secret),
    'rotation.replaceNewKey': async ({ rotationId }) => vaultChanged(await sessions.replaceNewKey(rotationId)),
    'rotation.abandon': async ({ rotationId }) => vaultChanged(await sessions.abandon(rotationId)),
    'emergency.find': async ({ leaked }) => {
      const candidates = findLeakCandidates(core.vault.read(), leaked);
      return {
        candidates: candidates.map((c) => ({
          line: c.line,
          masked: c.masked,
          match: c.match ? { ref: c.match.ref, key: core.vault.showKey(c.match.ref), targets: c.match.record.targets, referenceSites: c.match.record.referenceSites ?? [], scanSites: c.match.record.scanSites ?? [] } : null,
          guess: c.guess ? { provider: c.guess.provider, environment: c.guess.environment, guide: c.guess.guide } : null,
        })),
        team: await teamLeakMatches(core, candidates),
      };
    },
    'emergency.revoke': async ({ ref, leaked, waitSeconds, confirmInstanceName, resume }) => {
      // A guided revocation's steps are on the screen already (key.detail's dashboard); this waits for the 401.
      const outcome = await emergencyRevoke(core, ref, {
        waitMs: waitSeconds * 1000,
        leakedText: leaked,
        resume,
        confirmProduction: async (instanceName) => confirmInstanceName === instanceName,
        showGuide: () => undefined,
      });
      return vaultChanged({ ref: outcome.ref, proven: outcome.proven, path: outcome.path, detail: outcome.detail });
    },
    'scan.folder': async (args) => {
      const { result, changed } = await scanFolderCall(core, fullPath(args.dir), args);
      return args.import || changed ? vaultChanged(result) : result;
    },
    // The key is read again by the host where the scan found it: the page never had it.
    'scan.addFinding': async (args) => vaultChanged(await addFindingCall(core, { ...args, file: fullPath(args.file) })),
    'audit.report': async ({ env, state }) => {
      const now = core.clock.now();
      const rows = auditRows(core.vault.read(), now, { env, state });
      return { rows, summary: auditSummary(rows, now) };
    },
    'audit.export': async ({ format, env, state }) => {
      const now = core.clock.now();
      const rows = auditRows(core.vault.read(), now, { env, state });
      core.audit.append({ action: 'audit.export', outcome: 'ok', detail: `${rows.length} keys as ${format}` });
      return exportAudit(rows, format, now);
    },
    'log.verify': async () => verifyLog(core.auditLog, core.metadata),
    ...teamCalls(core, hooks),
    'log.show': async ({ limit }) => {
      const { entries } = readAuditLog(core.auditLog.path);
      return { entries: entries.slice(-limit), total: entries.length };
    },
    'reminder.snooze': async ({ ref, days }) => vaultChanged(await core.reminders.snooze(ref, days)),
    'settings.get': async () => readSettings(core.vault.read()),
    'settings.set': async (change) => vaultChanged(await saveSettings(core, change)),
    'path.pick': async ({ kind }) => (hooks.pickPath ? { available: true, path: await hooks.pickPath(kind) } : { available: false, path: null }),
    'dashboard.open': async ({ url }) => ({ opened: await hooks.openExternal(url) }),
  };
}
