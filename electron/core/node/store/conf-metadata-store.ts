import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Conf from 'conf';
import lockfile from 'proper-lockfile';
import { auditLogLength } from '../audit/audit-log.js';
import { ProblemError, fail, problem } from '../../domain/problems/problem-error.js';
import { emptyVaultDocument, vaultDocumentSchema, type VaultDocument } from '../../domain/model.js';
import type { MetadataStore, UpdateResult } from '../../store/metadata-store.js';
import type { Logger } from '../../ports/logger.js';
import { describesBytes, readChecked, recordChecked, serializeIndexed, type KeyIndex } from './checked-index.js';
import { checkVaultIdentity, deepFreeze, readCheckedForKey, stampOf } from './checked-read.js';
import type { Problem } from '../../domain/problems/catalogue.js';
import { describeDamage, parseVaultDocument, type DamagedPart } from '../../store/parse-document.js';
import { LAST_GOOD_FILE, LOCK_FILE, preserveCopy, removeStaleTempFiles, staleTempFiles, VAULT_FILE } from './vault-files.js';

const CONFIG_NAME = 'vault';
const LOCK_OPTIONS = { realpath: false, stale: 10_000 } as const;

/**
 * A vault.json with damaged records: nothing may be written until it is fixed, so no write drops
 * them. The CLI tells it by its class, so the damage it reports at the end is not said twice.
 */
export class VaultDamagedError extends ProblemError {}

/**
 * The metadata store on `conf` (electron-store's base class, usable in plain Node).
 * conf writes atomically; proper-lockfile serializes read-modify-write across the CLI and the app.
 *
 * Before each write the file being replaced is kept as `vault.last-good.json`: it is always a file
 * that parsed without damage, because a damaged vault refuses writes.
 */
export class ConfMetadataStore implements MetadataStore {
  readonly location: string;
  readonly lastGoodLocation: string;
  #conf: Conf<Record<string, unknown>> | null = null;
  readonly #home: string;
  readonly #vaultId: string | undefined;
  /** The last document read or written, with the file identity it came from. */
  #cache: { stamp: string; doc: VaultDocument; damage: readonly DamagedPart[] } | null = null;
  /** The stamp of a file last seen to be the checked one (see checked-index.ts): it has no damage. */
  #checkedStamp: string | null = null;
  /** What conf was last given to write, and where its key records are. */
  #written: { text: string; index: KeyIndex | null } | null = null;

  readonly #beforeWrite: (() => Promise<void>) | null;
  readonly #onWrite: ((before: VaultDocument, after: VaultDocument) => void) | null;
  readonly #logger: Logger | null;
  #ready: Promise<void> | null = null;

  /**
   * `vaultId` is written into every write, so the id can be recovered from vault.json if vault-id.json is lost.
   * `beforeWrite` runs once, before the first update: a check that throws stops it with nothing written
   * (the CLI asks the keychain there, so a command that needs it never half-succeeds without it).
   * `logger` hears what the person must be told (a corrupt file moved aside).
   * `onWrite` sees each change under the lock, after it is checked and before it is written (the
   * team outbox records which keys changed there: a change it missed could never be delivered; one
   * it records and a crash then loses is delivered as the vault stands, which is harmless). A throw
   * stops the write.
   */
  constructor(home: string, options: { vaultId?: string; beforeWrite?: () => Promise<void>; onWrite?: (before: VaultDocument, after: VaultDocument) => void; logger?: Logger } = {}) {
    mkdirSync(home, { recursive: true, mode: 0o700 });
    this.#home = home;
    this.#vaultId = options.vaultId;
    this.#beforeWrite = options.beforeWrite ?? null;
    this.#onWrite = options.onWrite ?? null;
    this.#logger = options.logger ?? null;
    this.location = join(home, VAULT_FILE);
    this.lastGoodLocation = join(home, LAST_GOOD_FILE);
    this.#removeStaleTempFilesIfFree();
  }

  /** Temporary files of a killed write are removed at open, only when no write is under way (the lock is free). */
  #removeStaleTempFilesIfFree(): void {
    if (staleTempFiles(this.#home).length === 0) return;
    let release: (() => void) | null = null;
    try {
      release = lockfile.lockSync(this.#home, { ...LOCK_OPTIONS, lockfilePath: join(this.#home, LOCK_FILE) });
      removeStaleTempFiles(this.#home);
    } catch {
      // Another process is writing: its temporary file is not stale. A stale one waits for the next open
      // (any CLI command, the app's next start): it holds no secret, and listing the folder on every write is not worth it.
    } finally {
      release?.();
    }
  }

  /**
   * conf is opened on the first write only: its constructor reads and compares the whole file,
   * which costs tens of milliseconds on a large vault for commands that only read.
   */
  async #open(): Promise<Conf<Record<string, unknown>>> {
    if (this.#conf) return this.#conf;
    const { default: ConfClass } = await import('conf');
    const options = {
      cwd: this.#home,
      configName: CONFIG_NAME,
      projectName: 'keyturn',
      // Never wipe a file we cannot read: it is moved aside and reported instead.
      clearInvalidConfig: false,
      configFileMode: 0o600,
      serialize: (value: Record<string, unknown>) => {
        const { text, index } = serializeIndexed(value);
        this.#written = { text, index };
        return text;
      },
    };
    try {
      this.#conf = new ConfClass(options);
    } catch (error) {
      this.#moveAside(error);
      this.#conf = new ConfClass(options);
    }
    return this.#conf;
  }

  /** A file that is not a vault document at all is moved aside; the last good copy is pinned so later writes keep it. */
  #moveAside(cause: unknown): void {
    if (!existsSync(this.location)) throw cause;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const aside = join(this.#home, `${CONFIG_NAME}.corrupt-${stamp}.json`);
    renameSync(this.location, aside);
    const reason = cause instanceof Error ? (cause.message.split('\n')[0] ?? 'unreadable') : 'unreadable';
    let lastGood: { path: string; at: string } | null = null;
    if (existsSync(this.lastGoodLocation)) {
      const pinned = join(this.#home, `${CONFIG_NAME}.last-good-${stamp}.json`);
      preserveCopy(this.lastGoodLocation, pinned);
      lastGood = { path: pinned, at: statSync(pinned).mtime.toISOString() };
    }
    this.#logger?.warn(problem('store.moved-aside', { reason, location: this.location, movedTo: aside, lastGood: lastGood?.path ?? null, lastGoodAt: lastGood?.at ?? null }));
  }

  /**
   * The current document: every record that could be read (see damage()). Parsing thousands of
   * records costs tens of milliseconds, so the parsed document is reused while the file is the same
   * one: every write is an atomic rename, which gives the file a new inode, so another process's
   * write is always seen. The document is frozen because it is shared between callers.
   */
  read(): VaultDocument {
    return this.#current().doc;
  }

  /** The parts of vault.json that could not be read, as lines naming each and what is wrong. */
  damage(): readonly string[] {
    if (this.#checkedStamp !== null && this.#checkedStamp === this.#stamp() && this.#cache?.stamp !== this.#checkedStamp) return [];
    return this.#current().damage.map(describeDamage);
  }

  /**
   * The document with, of its key records, only those a lookup of `ref` (a key id, or a reference
   * ending in the key's name) can find; every other part whole. On the file the last write checked
   * (see checked-index.ts) it reads those records alone instead of all of them; on any other file
   * it is read() itself, damage report included.
   */
  readForKey(ref: string): VaultDocument {
    const found = readCheckedForKey(this.#home, ref, { vaultId: this.#vaultId, cached: this.#cache });
    if (!found) return this.read();
    if (!found.fromCache) this.#checkedStamp = found.stamp;
    return found.doc;
  }

  #current(): { doc: VaultDocument; damage: readonly DamagedPart[] } {
    const stamp = this.#stamp();
    if (this.#cache && this.#cache.stamp === stamp) return this.#cache;
    const { doc, damage } = this.#parse();
    this.#checkIdentity(doc);
    this.#cache = { stamp: this.#stamp(), doc: deepFreeze(doc), damage };
    return this.#cache;
  }

  #checkIdentity(doc: VaultDocument): void {
    checkVaultIdentity(this.#home, this.#vaultId, doc);
  }

  #stamp(): string {
    try {
      return stampOf(statSync(this.location, { bigint: true }));
    } catch {
      return 'missing';
    }
  }

  #parse(): { doc: VaultDocument; damage: DamagedPart[] } {
    // Reads go straight to the file conf writes (same path, same JSON), without conf's constructor cost.
    let bytes: Buffer;
    let raw: unknown;
    try {
      bytes = readFileSync(this.location);
      raw = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { doc: emptyVaultDocument(), damage: [] };
      // Only a file that is not JSON is moved aside; a file we may not read is the user's to fix.
      if (!(error instanceof SyntaxError)) throw error;
      this.#moveAside(error);
      return { doc: emptyVaultDocument(), damage: [] };
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      this.#moveAside(new Error('it is JSON but not a vault document'));
      return { doc: emptyVaultDocument(), damage: [] };
    }
    if (Object.keys(raw).filter((k) => k !== '__internal__').length === 0) return { doc: emptyVaultDocument(), damage: [] };
    // The very bytes the last write checked as a whole: checking each record again would find what it found.
    if (describesBytes(readChecked(this.#home), bytes)) return { doc: raw as VaultDocument, damage: [] };
    return parseVaultDocument(raw as Record<string, unknown>);
  }

  /** Why nothing can be written, with every damaged part and what to do. */
  #damagedError(damage: readonly DamagedPart[]): VaultDamagedError {
    const lastGood = existsSync(this.lastGoodLocation) ? { lastGood: this.lastGoodLocation } : {};
    return new VaultDamagedError({ code: 'vault.damaged', file: this.location, ...lastGood, parts: damage.map(describeDamage), refused: true });
  }

  /**
   * The audit log's length as of this write, kept as a floor that never goes down, so a deleted or
   * emptied log shows even when its keychain record went with it. The log is appended after the
   * change it records, in a separate call: the floor read here is at most the log's length then,
   * and a crash between the two writes leaves the log at least that long, so it never reads as a loss.
   */
  #auditLogRecord(current: VaultDocument, next: VaultDocument): NonNullable<VaultDocument['auditLog']> {
    const floor = Math.max(current.auditLog?.entriesAtLeast ?? 0, next.auditLog?.entriesAtLeast ?? 0, auditLogLength(this.#home));
    return { ...current.auditLog, ...next.auditLog, entriesAtLeast: floor };
  }

  async update<T>(change: (doc: VaultDocument) => Promise<UpdateResult<T>> | UpdateResult<T>): Promise<T> {
    if (this.#beforeWrite) {
      // A failed check is asked again by the next update (a keychain unlocked in between).
      this.#ready ??= this.#beforeWrite().catch((error: unknown) => {
        this.#ready = null;
        throw error;
      });
      await this.#ready;
    }
    const release = await lockfile.lock(this.#home, {
      ...LOCK_OPTIONS,
      lockfilePath: join(this.#home, LOCK_FILE),
      retries: { retries: 100, minTimeout: 10, maxTimeout: 200, factor: 1.5 },
    });
    try {
      const current = this.#current();
      // A write would drop the records that could not be read: refuse until the file is fixed or restored.
      if (current.damage.length > 0) throw this.#damagedError(current.damage);
      const { doc, result } = await change(current.doc);
      if (doc) {
        // A change that would write an invalid document is a bug, not the person's input: say where, write nothing.
        const recorded = { ...doc, auditLog: this.#auditLogRecord(current.doc, doc) };
        const valid = vaultDocumentSchema.safeParse(this.#vaultId ? { ...recorded, vaultId: this.#vaultId } : recorded);
        if (!valid.success) {
          const issue = valid.error.issues[0];
          fail('vault.metadata-invalid', { where: issue?.path.join('.') ?? 'document', reason: issue?.message ?? 'invalid' });
        }
        const checked = deepFreeze(valid.data);
        this.#onWrite?.(current.doc, checked);
        const conf = await this.#open();
        // The file being replaced parsed without damage (checked above): it is the last good copy.
        if (existsSync(this.location)) preserveCopy(this.location, this.lastGoodLocation);
        this.#written = null;
        conf.store = checked;
        const bytes = readFileSync(this.location);
        const written = this.#written as { text: string; index: KeyIndex | null } | null;
        recordChecked(this.#home, { stamp: this.#stamp(), bytes }, written && bytes.equals(Buffer.from(written.text)) ? written.index : null);
        this.#cache = { stamp: this.#stamp(), doc: checked, damage: [] };
      }
      return result;
    } finally {
      await release();
    }
  }
}

/** The damage a read left out of a vault.json, as the problem a host reports at the end of a run. */
export function vaultDamageProblem(store: { location: string; lastGoodLocation: string }, lines: readonly string[]): Problem {
  return problem('vault.damaged', { file: store.location, ...(existsSync(store.lastGoodLocation) ? { lastGood: store.lastGoodLocation } : {}), parts: [...lines] });
}
