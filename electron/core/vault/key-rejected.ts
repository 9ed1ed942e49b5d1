import { UserInputError } from '../domain/errors.js';
import type { Verification } from '../domain/model.js';

/**
 * A key the provider rejected (401) when it was added: nothing was stored. Each host says in its
 * own words how to store it anyway (a CLI flag, a checkbox in the app).
 */
export class KeyRejectedError extends UserInputError {
  constructor(
    providerName: string,
    readonly verification: Verification,
  ) {
    super(`${providerName} rejected this key (401: ${verification.reason}); nothing was stored`);
  }
}
