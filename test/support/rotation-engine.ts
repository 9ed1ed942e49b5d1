import { randomUUID } from 'node:crypto';
import type { HttpClient } from '../../electron/core/http/types.js';
import type { CorePorts } from '../../electron/core/ports/core-ports.js';
import type { RotationParts } from '../../electron/core/rotation/context.js';
import { RotationEngine } from '../../electron/core/node/rotation/engine.js';
import { FileRotationLocks } from '../../electron/core/node/store/file-rotation-locks.js';
import { testPorts } from './core-ports.js';
import { privateKeychain } from './private-keychain.js';

/**
 * The real rotation engine over a vault home, composed as the hosts compose it (real metadata
 * store, keychain, audit log and locks), with no waiting between polls; a test hands in the HTTP
 * client and whatever else it needs to differ.
 */
export function rotationEngineFor(home: string, http: HttpClient, host: string, overrides: Partial<CorePorts & RotationParts> = {}): RotationEngine {
  return new RotationEngine({
    ...testPorts(home, { secrets: overrides.secrets ?? privateKeychain(), http }),
    newId: randomUUID,
    locks: new FileRotationLocks(home, { host }),
    ...overrides,
  });
}
