import type { ListState } from 'react-stately';
import type { KeyRow } from '../../../../electron/contract/views.js';

type KeyCollection = ListState<KeyRow>['collection'];
export type KeyNode = NonNullable<ReturnType<KeyCollection['getItem']>>;
type Key = KeyNode['key'];

// One node per key row, kept while the row object lives: a keystroke that filters 10,000 keys makes
// two arrays and a map, not 10,000 collection nodes.
const nodes = new WeakMap<KeyRow, KeyNode>();

function nodeOf(k: KeyRow): KeyNode {
  let node = nodes.get(k);
  if (!node) {
    // Typing finds a key by its name; the row is announced with where it is ("api in xora/acme/jobs").
    const label = `${k.name} in ${k.provider}/${k.org}/${k.instance}`;
    node = { type: 'item', key: k.ref, value: k, level: 0, hasChildNodes: false, childNodes: [], rendered: k.name, textValue: k.name, 'aria-label': label, index: 0, parentKey: null, props: {} };
    nodes.set(k, node);
  }
  return node;
}

/**
 * The table's rows as react-stately's collection (what react-aria's grid hooks navigate), built
 * from the visible rows in one pass; react-stately's own builder renders an element per row.
 * Keys are references. A node's `index` is not its place here (nodes are shared): ask indexOf.
 */
export class KeyRowCollection implements KeyCollection {
  private readonly keys: Key[];
  private readonly byKey = new Map<Key, { node: KeyNode; index: number }>();

  constructor(rows: readonly KeyRow[]) {
    this.keys = rows.map((k, index) => {
      const node = nodeOf(k);
      this.byKey.set(node.key, { node, index });
      return node.key;
    });
  }

  get size(): number {
    return this.keys.length;
  }
  getKeys(): Iterable<Key> {
    return this.keys;
  }
  getItem(key: Key): KeyNode | null {
    return this.byKey.get(key)?.node ?? null;
  }
  at(index: number): KeyNode | null {
    const key = this.keys[index];
    return key === undefined ? null : this.getItem(key);
  }
  indexOf(key: Key): number | undefined {
    return this.byKey.get(key)?.index;
  }
  getKeyBefore(key: Key): Key | null {
    const i = this.indexOf(key);
    return i === undefined || i === 0 ? null : (this.keys[i - 1] ?? null);
  }
  getKeyAfter(key: Key): Key | null {
    const i = this.indexOf(key);
    return i === undefined ? null : (this.keys[i + 1] ?? null);
  }
  getFirstKey(): Key | null {
    return this.keys[0] ?? null;
  }
  getLastKey(): Key | null {
    return this.keys[this.keys.length - 1] ?? null;
  }
  getChildren(): Iterable<KeyNode> {
    return [];
  }
  getTextValue(key: Key): string {
    return this.getItem(key)?.textValue ?? '';
  }
  *[Symbol.iterator](): IterableIterator<KeyNode> {
    for (const key of this.keys) {
      const node = this.getItem(key);
      if (node) yield node;
    }
  }
}
