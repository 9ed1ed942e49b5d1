import * as z from 'zod';
import { countParam, inputParam, nameParam, outsideTextParam, pathParam, schemaPathParam } from './params.js';

/** Problems with the vault's files: its identity (vault-id.json), a damaged vault.json, recovering the id. */
export const storeProblems = [
  /**
   * vault-id.json is missing or damaged next to a vault that may hold keys: a new id would hide
   * every stored secret. `records` is what vault.json lists; `recordedService` the keychain service
   * vault.json (or its last good copy, `recordedIn`) names, when it names one.
   */
  z.object({
    code: z.literal('vault.identity-lost'),
    idFile: pathParam,
    state: z.enum(['missing', 'damaged']),
    why: outsideTextParam.optional(),
    vaultFile: pathParam,
    records: countParam,
    recordedService: nameParam.optional(),
    recordedIn: pathParam.optional(),
  }),
  z.object({ code: z.literal('vault.identity-mismatch'), vaultFile: pathParam, idFile: pathParam, recordedId: nameParam, fileId: nameParam }),
  /** vault.json has damaged records: no write until it is fixed. `lastGood` when a last good copy exists. */
  /** `refused`: a change was refused for it (nothing was changed); without it, a read that left the damaged parts out. */
  z.object({ code: z.literal('vault.damaged'), file: pathParam, lastGood: pathParam.optional(), parts: z.array(outsideTextParam), refused: z.boolean().optional() }),
  /** A change would write a document the schema refuses: a bug, not the person's input. */
  z.object({ code: z.literal('vault.metadata-invalid'), where: schemaPathParam, reason: outsideTextParam }),
  z.object({ code: z.literal('recover-id.not-an-id'), value: inputParam }),
  z.object({ code: z.literal('recover-id.not-recorded-id'), given: nameParam, recordedId: nameParam, recordedIn: pathParam }),
  z.object({ code: z.literal('recover-id.unknown'), vaultFile: pathParam }),
  z.object({ code: z.literal('recover-id.nothing-to-recover'), idFile: pathParam, id: nameParam }),
  /** The id given by hand holds none of the vault's secrets in the keychain. */
  z.object({ code: z.literal('recover-id.given-id-holds-nothing'), records: countParam, service: nameParam, id: nameParam }),
  /** The id vault.json records holds none of its secrets: the keychain, not the person, is wrong. */
  z.object({ code: z.literal('recover-id.recorded-id-holds-nothing'), records: countParam, service: nameParam, id: nameParam }),
  /** The keychain holds this vault's keys under several ids, as many keys under each (`counts`, by `ids`). */
  z.object({ code: z.literal('recover-id.ambiguous'), ids: z.array(nameParam), counts: z.array(countParam) }),
] as const;

export type StoreProblem = z.infer<(typeof storeProblems)[number]>;
