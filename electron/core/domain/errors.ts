/**
 * Bad input: the message names what is wrong and what to do. Nothing was changed.
 * Never put a secret in the message; callers pass masked keys.
 */
export class UserInputError extends Error {
  override readonly name = 'UserInputError';
}

/** Something outside the user's input failed (keychain, disk). Nothing was changed unless the message says so. */
export class VaultOperationError extends Error {
  override readonly name = 'VaultOperationError';
}
