/**
 * A batch read could not open a connection to the Secret Service at all (no session bus address, a
 * transport the D-Bus client cannot open): the store then reads key by key, so the failure, if any,
 * is reported in the per-key path's words. Never carries a secret.
 */
export class SecretServiceUnreachable extends Error {}
