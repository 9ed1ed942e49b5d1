import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Conf from 'conf';
import lockfile from 'proper-lockfile';
import { VaultOperationError } from '../domain/errors.js';
import { emptyVaultDocument, vaultDocumentSchema, type VaultDocument } from '../domain/model.js';
import type { MetadataStore, UpdateResult } from './metadata-store.js';

const CONFIG_NAME = 'vault';

/**
 * The metadata store on `conf` (electron-store's base class, usable in plain Node).
 * conf writes atomically; proper-lockfile serializes read-modify-write across the CLI and the app.
 */
export class ConfMetadataStore implements MetadataStore {
  readonly location: string;
  readonly warnings: string[] = [];
  #conf: Conf<Record<string, unknown>> | null = null;
  readonly #home: string;
  /** The last document read or written, with the file identity it came from. */
  #cache: { stamp: string; doc: VaultDocument } | null = null;

  constructor(home: string) {
    mkdirSync(home, { recursive: true, mode: 0o700 });
    this.#home = home;
    this.location = join(home, `${CONFIG_NAME}.json`);
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
      serialize: (value: Record<string, unknown>) => JSON.stringify(value),
    };
    try {
      this.#conf = new ConfClass(options);
    } catch (error) {
      this.#moveAside(error);
      this.#conf = new ConfClass(options);
    }
    return this.#conf;
  }

  #moveAside(cause: unknown): void {
    if (!existsSync(this.location)) throw cause;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const aside = join(this.#home, `${CONFIG_NAME}.corrupt-${stamp}.json`);
    renameSync(this.location, aside);
    const why = cause instanceof Error ? cause.message.split('\n')[0] : 'unreadable';
    this.warnings.push(
      `the vault metadata file was unreadable (${why}); it was moved to ${aside} and an empty one started. ` +
        'Your secrets are still in the keychain; restore the file from a backup to see them again.',
    );
  }

  /**
   * The current document. Parsing thousands of records costs tens of milliseconds, so the parsed
   * document is reused while the file is the same one: every write is an atomic rename, which gives
   * the file a new inode, so another process's write is always seen. The document is frozen because
   * it is shared between callers.
   */
  read(): VaultDocument {
    const stamp = this.#stamp();
    if (this.#cache && this.#cache.stamp === stamp) return this.#cache.doc;
    const doc = deepFreeze(this.#parse());
    this.#cache = { stamp: this.#stamp(), doc };
    return doc;
  }

  #stamp(): string {
    try {
      const st = statSync(this.location, { bigint: true });
      return `${st.ino}:${st.size}:${st.mtimeNs}`;
    } catch {
      return 'missing';
    }
  }

  #parse(): VaultDocument {
    // Reads go straight to the file conf writes (same path, same JSON), without conf's constructor cost.
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.location, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyVaultDocument();
      // Only a file that is not JSON is moved aside; a file we may not read is the user's to fix.
      if (!(error instanceof SyntaxError)) throw error;
      this.#moveAside(error);
      return emptyVaultDocument();
    }
    if (typeof raw === 'object' && raw !== null && Object.keys(raw).filter((k) => k !== '__internal__').length === 0) return emptyVaultDocument();
    const parsed = vaultDocumentSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.#moveAside(new Error(`it does not match the vault format: ${parsed.error.issues[0]?.message ?? 'invalid'}`));
    return emptyVaultDocument();
  }

  async update<T>(change: (doc: VaultDocument) => Promise<UpdateResult<T>> | UpdateResult<T>): Promise<T> {
    const release = await lockfile.lock(this.#home, {
      lockfilePath: join(this.#home, 'vault.lock'),
      realpath: false,
      stale: 10_000,
      retries: { retries: 100, minTimeout: 10, maxTimeout: 200, factor: 1.5 },
    });
    try {
      const { doc, result } = await change(this.read());
      if (doc) {
        // A change that would write an invalid document is a bug, not the person's input: say where, write nothing.
        const valid = vaultDocumentSchema.safeParse(doc);
        if (!valid.success) {
          const issue = valid.error.issues[0];
          throw new VaultOperationError(`the vault's metadata would become invalid (${issue?.path.join('.') ?? 'document'}: ${issue?.message ?? 'invalid'}); nothing was written`);
        }
        const checked = deepFreeze(valid.data);
        (await this.#open()).store = checked;
        this.#cache = { stamp: this.#stamp(), doc: checked };
      }
      return result;
    } finally {
      await release();
    }
  }
}

/** Freezes the document, its lists and their records: enough to make an accidental shared mutation throw. */
function deepFreeze(doc: VaultDocument): VaultDocument {
  for (const list of [doc.instances, doc.keys, doc.customProviders]) {
    for (const item of list) Object.freeze(item);
    Object.freeze(list);
  }
  return Object.freeze(doc);
}
