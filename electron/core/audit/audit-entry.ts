import * as z from 'zod';

/** One line of the audit log as written: the event, its place in the chain and the hash of the line before. */
export const auditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  action: z.string(),
  keyId: z.string().optional(),
  maskedKey: z.string().optional(),
  outcome: z.enum(['ok', 'failed', 'info']),
  detail: z.string().optional(),
  prev: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export interface LogProblem {
  /** 1-based line number in the file; null for the file as a whole. */
  line: number | null;
  problem: string;
}

export interface LogVerification {
  ok: boolean;
  entries: number;
  /** How many entries the vault's metadata says were written, at least (0 when it knows of none). */
  expectedAtLeast: number;
  problems: LogProblem[];
  /** Not failures: entries written after the keychain's record of the newest one (a crash can leave it one write behind). */
  notes: string[];
}
