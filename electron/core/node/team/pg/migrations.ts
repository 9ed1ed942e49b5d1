// PLACEHOLDER (foundation): built by the database part of the team inventory.

/** The newest schema version this Keyturn knows: `team connect` refuses a database with a newer one. */
export const SCHEMA_VERSION = 1;
