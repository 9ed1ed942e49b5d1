import type { Instance, KeyRecord, Rotation, VaultDocument } from '../domain/model.js';
import type { CorePorts } from '../ports/core-ports.js';
import type { KeyConsumers } from '../ports/key-consumers.js';
import type { ProviderProfile } from '../providers/profile.js';
import type { RotationInteraction } from './interaction.js';
import type { RotationJournal } from './journal.js';
import type { RotationLocks } from './rotation-lock.js';

/** What the rotation engine adds to the core's ports. */
export interface RotationParts {
  newId: () => string;
  /** One owner per rotation across processes: held from the first step run to the stop. */
  locks: RotationLocks;
  /**
   * Called at every step boundary and inside steps with a name ("create:provider-created"), in the
   * order the rotation reaches them. Crash tests stop the process there; otherwise it does nothing.
   */
  checkpoint?: (name: string) => void | Promise<void>;
  /** The processes that hold the vault's secrets (keyturn run): the revoke waits for those holding the old key. Absent: none known. */
  consumers?: KeyConsumers;
}

export interface RotationOptions {
  /** Nexora only: rotate in place (the old key dies at once: downtime until every consumer swaps). */
  inPlace?: boolean;
  /** Skip confirmations: the production name check and warnings before revoking. */
  yes?: boolean;
  /** How long to wait for the old key to be rejected after revoking (ms). */
  revokeWaitMs?: number;
  /** How long to wait, before revoking, for processes started with the old key to exit (ms; see consumers-wait.ts). */
  consumerWaitMs?: number;
  /** The old key's id at the provider, as the person gave it: checked against the provider's list. */
  remoteId?: string;
  /**
   * The new key given up front (the CLI's --new-key-stdin) for a guided create: checked before the
   * rotation is recorded or resumed, so a key the instance refuses is bad input that changes nothing.
   */
  newKey?: string;
}

/** Everything a step needs: read fresh from the journal each time, because steps persist as they go. */
export interface StepContext {
  deps: CorePorts & RotationParts;
  journal: RotationJournal;
  interaction: RotationInteraction;
  options: Required<Pick<RotationOptions, 'revokeWaitMs'>> & RotationOptions;
  profile: ProviderProfile;
  instance: Instance;
  state(): { doc: VaultDocument; rotation: Rotation; oldKey: KeyRecord; newKey: KeyRecord | null };
  secretOf(keyId: string): Promise<string | null>;
  checkpoint(name: string): Promise<void>;
}
