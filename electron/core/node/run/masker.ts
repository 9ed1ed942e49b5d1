export interface Needle {
  bytes: Buffer;
  mask: Buffer;
}

/**
 * Replaces every occurrence of a needle in a byte sequence fed in pieces, with the least delay:
 *
 * - `push` emits at once everything except a tail that could still become a needle (a proper prefix
 *   of one), so a needle split across chunks is still found and ordinary output is not held back;
 * - `quiet` (the caller's idle timer: no data for a while) emits that held tail too — a prompt such
 *   as `token: s` must reach the terminal while the child waits. The emitted bytes are kept as
 *   context: if the child goes on to complete a needle, its mask is emitted for the remainder. So a
 *   needle never appears whole in the output; at most a prefix of it shows when the child paused in
 *   the middle of writing it;
 * - `end` emits everything.
 *
 * Occurrences are replaced leftmost first, the longest where several start at the same byte.
 */
export class Masker {
  private readonly needles: readonly Needle[];
  private readonly longest: number;
  /** Bytes already emitted as they were, since the last mask: the start of a needle may lie here. */
  private emitted: Buffer = Buffer.alloc(0);
  private pending: Buffer = Buffer.alloc(0);

  constructor(needles: readonly Needle[]) {
    this.needles = needles.filter((n) => n.bytes.length > 0);
    this.longest = Math.max(0, ...this.needles.map((n) => n.bytes.length));
  }

  /** True while a tail is held back, waiting for more data or for quiet. */
  get holding(): boolean {
    return this.pending.length > 0;
  }

  push(chunk: Buffer): Buffer {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    return this.run('data');
  }

  quiet(): Buffer {
    return this.run('quiet');
  }

  end(): Buffer {
    const out = this.run('end');
    this.emitted = Buffer.alloc(0);
    return out;
  }

  private run(mode: 'data' | 'quiet' | 'end'): Buffer {
    const buf = this.emitted.length === 0 ? this.pending : Buffer.concat([this.emitted, this.pending]);
    const boundary = this.emitted.length; // bytes before it are on the terminal already
    const out: Buffer[] = [];
    let at = 0; // bytes before it are dealt with: emitted, or replaced by a mask
    // Where each needle next occurs (-1: nowhere), so output full of secrets is searched once, not once per mask.
    const next = new Map<Needle, number>();
    const occurrence = (needle: Needle): number => {
      const from = Math.max(at, boundary - needle.bytes.length + 1);
      const known = next.get(needle);
      if (known !== undefined && (known === -1 || known >= from)) return known;
      const found = buf.indexOf(needle.bytes, from);
      next.set(needle, found);
      return found;
    };
    let limit = mode === 'data' ? this.heldStart(buf, 0) : buf.length;
    for (;;) {
      if (limit < at) limit = this.heldStart(buf, at);
      const match = this.firstMatch(occurrence, limit);
      if (!match) break;
      if (match.start > boundary) out.push(buf.subarray(Math.max(at, boundary), match.start));
      out.push(match.needle.mask);
      at = match.start + match.needle.bytes.length;
    }
    const end = Math.max(limit, boundary);
    if (end > Math.max(at, boundary)) out.push(buf.subarray(Math.max(at, boundary), end));
    // Copies: the context and the held tail are small; the chunk they came from need not stay alive.
    this.emitted = Buffer.from(buf.subarray(Math.max(at, end - (this.longest - 1), 0), Math.max(at, end)));
    this.pending = Buffer.from(buf.subarray(end));
    return Buffer.concat(out);
  }

  /** Where the held tail starts: the first place from `from` on where the rest is a proper prefix of a needle. */
  private heldStart(buf: Buffer, from: number): number {
    for (let start = Math.max(from, buf.length - (this.longest - 1)); start < buf.length; start++) {
      const tail = buf.subarray(start);
      if (this.needles.some((n) => n.bytes.length > tail.length && n.bytes.subarray(0, tail.length).equals(tail))) return start;
    }
    return buf.length;
  }

  /** The leftmost (then longest) needle occurrence starting before `limit` that reaches past what is already emitted. */
  private firstMatch(occurrence: (needle: Needle) => number, limit: number): { start: number; needle: Needle } | null {
    let best: { start: number; needle: Needle } | null = null;
    for (const needle of this.needles) {
      const start = occurrence(needle);
      if (start === -1 || start >= limit) continue;
      if (!best || start < best.start || (start === best.start && needle.bytes.length > best.needle.bytes.length)) best = { start, needle };
    }
    return best;
  }
}
