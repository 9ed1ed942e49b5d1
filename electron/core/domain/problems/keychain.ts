import * as z from 'zod';
import { outsideTextParam } from './params.js';

/**
 * The OS keychain could not answer. Nothing was read, written or removed. `advice` says what gets
 * one: start the desktop's keyring, use a private keyring where the session has none, or install
 * the tool that tells a locked keychain from a missing secret.
 */
export const keychainProblems = [
  z.object({ code: z.literal('keychain.locked') }),
  z.object({
    code: z.literal('keychain.unavailable'),
    cause: outsideTextParam,
    advice: z.enum(['start-keyring', 'private-keyring', 'start-or-private-keyring', 'install-dbus-send']),
  }),
] as const;

export type KeychainProblem = z.infer<(typeof keychainProblems)[number]>;
