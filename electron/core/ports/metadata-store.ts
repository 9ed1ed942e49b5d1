import type { VaultDocument } from '../domain/model.js';

/**
 * Where key records, instances and settings live — never secrets.
 * Reads need no lock (writes are atomic); updates are serialized across processes.
 */
export interface MetadataStore {
  /** Where the metadata lives, for messages. */
  readonly location: string;
  read(): VaultDocument;
  /**
   * read() with, of the key records, only those a lookup of `ref` could find (others may be left
   * out): for reading one key's secret without reading every record. Absent: read() is used.
   */
  readForKey?(ref: string): VaultDocument;
  /**
   * Runs `change` on a fresh copy of the document while holding the cross-process lock; the
   * document it returns is written before the lock is released. Return `undefined` to write nothing.
   */
  update<T>(change: (doc: VaultDocument) => Promise<UpdateResult<T>> | UpdateResult<T>): Promise<T>;
}

export interface UpdateResult<T> {
  doc?: VaultDocument;
  result: T;
}
