/**
 * The names of every call the renderer may make and every event it may receive. Kept apart from the
 * schemas (contract.ts) so the preload, which only bridges, stays a few lines with no dependencies.
 */
export const CALL_NAMES = [
  'vault.overview',
  'instance.add',
  'key.check',
  'key.add',
  'key.detail',
  'key.verify',
  'key.reveal',
  'key.copy',
  'key.setDates',
  'key.remove',
  'key.rename',
  'instance.remove',
  'target.check',
  'target.add',
  'target.remove',
  'rotation.start',
  'rotation.resume',
  'rotation.get',
  'rotation.answer',
  'rotation.inProgress',
  'rotation.checkNewKey',
  'rotation.replaceNewKey',
  'rotation.abandon',
  'emergency.find',
  'emergency.revoke',
  'scan.folder',
  'scan.addFinding',
  'audit.report',
  'audit.export',
  'log.verify',
  'log.show',
  'team.status',
  'team.connect',
  'team.disconnect',
  'team.sync',
  'team.audit',
  'reminder.snooze',
  'settings.get',
  'settings.set',
  'path.pick',
  'dashboard.open',
] as const;
export type CallName = (typeof CALL_NAMES)[number];

/**
 * `emergency.open` comes from the desktop menu (and its shortcut), which the page cannot see;
 * `rotation.open` from a clicked reminder notification; `reminder.fired` is browser mode's notification;
 * `team.changed` when the team status changes (a sync delivered, the database went away or came back).
 */
export const EVENT_NAMES = ['rotation.changed', 'vault.changed', 'emergency.open', 'reminder.fired', 'rotation.open', 'team.changed'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** The IPC channel of a call or event: derived here, written nowhere else. */
export function channelOf(name: CallName | EventName): string {
  return `keyturn:${name}`;
}

const camel = (name: string) => name.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());

/** The method name on the renderer's API object: `key.add` → `keyAdd`. */
export function methodOf(name: CallName): string {
  return camel(name);
}

/** The event listener's name: `rotation.changed` → `onRotationChanged`. */
export function listenerOf(name: EventName): string {
  const method = camel(name);
  return `on${method[0]?.toUpperCase() ?? ''}${method.slice(1)}`;
}
