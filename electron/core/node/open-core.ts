import { randomUUID } from 'node:crypto';
import type { CorePorts } from '../ports/core-ports.js';
import { ReminderService } from '../reminders/reminder-service.js';
import type { RotationParts } from '../rotation/context.js';
import { RotationEngine } from './rotation/engine.js';
import { Vault } from './vault/vault.js';

/** What the parts of core add to the ports: the rotation engine's locks and checkpoints, everyone's ids. */
export interface CoreParts {
  /** One owner per rotation across processes (the host names itself in them). */
  locks: RotationParts['locks'];
  /** How records and rotations get their ids (tests fix them); random UUIDs otherwise. */
  newId?: () => string;
  checkpoint?: RotationParts['checkpoint'];
  /** The processes `keyturn run` started in this vault (their leases in its home). */
  consumers?: RotationParts['consumers'];
}

/**
 * The core graph over one host's ports: what every host (the desktop shell, browser mode, the CLI)
 * runs. Functions that take ports (emergency revoke, policy changes, audit export) take the core
 * itself. Each part is built on its first use, so a command pays only for what it touches.
 */
export interface Core extends CorePorts {
  readonly vault: Vault;
  readonly rotations: RotationEngine;
  /** Needs the notifier port: a host without one (the CLI) never asks for it. */
  readonly reminders: ReminderService;
}

export function openCore(ports: CorePorts, parts: CoreParts): Core {
  const newId = parts.newId ?? randomUUID;
  let vault: Vault | null = null;
  let rotations: RotationEngine | null = null;
  let reminders: ReminderService | null = null;
  return {
    ...ports,
    get vault() {
      return (vault ??= new Vault(ports, { newId }));
    },
    get rotations() {
      return (rotations ??= new RotationEngine({ ...ports, newId, locks: parts.locks, ...(parts.checkpoint ? { checkpoint: parts.checkpoint } : {}), ...(parts.consumers ? { consumers: parts.consumers } : {}) }));
    },
    get reminders() {
      const { notifier } = ports;
      if (!notifier) throw new Error('internal: this host has no notifier, so it runs no reminders');
      return (reminders ??= new ReminderService({ metadata: ports.metadata, clock: ports.clock, audit: ports.audit, notifier }));
    },
  };
}
