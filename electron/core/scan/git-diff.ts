/**
 * A reader of git's patch output (`git log -p`, `git diff`), fed one line at a time as git prints
 * it, that keeps only what a leak scan needs: per commit, per file, the lines the commit added and
 * their line numbers in the new file. Pure: the git process is someone else's (electron/core/node/git).
 *
 * It reads two forms. A plain diff (`diff --git`): a `+` line is added. A merge's combined diff
 * (`diff --cc`, one prefix column per parent): a line is added by the merge itself only when every
 * column is `+`, i.e. it is in none of the parents — the merge's own resolution. A line with a space
 * in some column came from that parent, and was found at the commit that added it there.
 *
 * Hunks are read by their header's line counts, never by what a line looks like: an added line
 * whose text is `++ b/x` prints as `+++ b/x`, and must stay an added line.
 */

/** What the log's format puts first on the line that starts each commit (`%x01`). */
export const COMMIT_MARK = '\u0001';

/** The `--format` that gives the reader each commit's line: the mark, the full sha, the ISO author date. */
export const COMMIT_FORMAT = '--format=%x01%H %aI';

/** The lines one file gained in one diff: their texts and their 1-based line numbers in the new file. */
export interface FileAdditions {
  /** The path in the new tree, relative to the repository's top, with `/`. */
  path: string;
  lines: string[];
  numbers: number[];
}

export interface DiffEvents {
  /** A commit's patch starts (only with COMMIT_FORMAT's lines in the input). */
  commit?(sha: string, authorDate: string): void;
  /** One file's diff ended, with the lines it added (never called for a file that added none). */
  file(additions: FileAdditions): void;
}

type State = 'outside' | 'hunk';

export class GitDiffReader {
  private state: State = 'outside';
  private parents = 1;
  private path: string | null = null;
  private lines: string[] = [];
  private numbers: number[] = [];
  private newLine = 0;
  private newLeft = 0;
  private oldLeft: number[] = [];

  constructor(private readonly events: DiffEvents) {}

  /** One line of git's output, without its `\n`. */
  push(line: string): void {
    if (this.state === 'hunk') {
      if (this.hunkLine(line)) return;
      this.state = 'outside';
    }
    this.headerLine(line);
  }

  /** The output ended: the last file's additions are given. */
  end(): void {
    this.flushFile();
    this.state = 'outside';
  }

  private headerLine(line: string): void {
    if (line.startsWith(COMMIT_MARK)) {
      this.flushFile();
      const space = line.indexOf(' ');
      this.events.commit?.(line.slice(1, space === -1 ? undefined : space), space === -1 ? '' : line.slice(space + 1));
      return;
    }
    if (line.startsWith('diff --git ') || line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
      this.flushFile();
      this.path = null;
      return;
    }
    if (line.startsWith('+++ ')) {
      this.path = newSidePath(line.slice(4));
      return;
    }
    if (line.startsWith('@@')) this.startHunk(line);
    // Everything else is a header (index, modes, renames, "Binary files ... differ": nothing added) or a blank line.
  }

  private startHunk(header: string): void {
    let at = 0;
    while (header.charCodeAt(at) === 64 /* @ */) at++;
    const parents = at - 1;
    const ranges = header.slice(at).trim().split(' ');
    if (parents < 1 || ranges.length < parents + 1) return;
    const oldLeft: number[] = [];
    for (let i = 0; i < parents; i++) oldLeft.push(rangeOf(ranges[i] ?? '', '-').count);
    const added = rangeOf(ranges[parents] ?? '', '+');
    this.parents = parents;
    this.oldLeft = oldLeft;
    this.newLine = added.start;
    this.newLeft = added.count;
    this.state = this.hunkDone() ? 'outside' : 'hunk';
  }

  /** Reads a line of the current hunk; false when the line is not one (then the hunk is over). */
  private hunkLine(line: string): boolean {
    if (line.startsWith('\\')) return true; // "\ No newline at end of file"
    const n = this.parents;
    let removed = false;
    let everyPlus = true;
    for (let i = 0; i < n; i++) {
      // A configuration that prints an empty context line as nothing at all (diff.suppressBlankEmpty).
      const c = i < line.length ? line.charCodeAt(i) : 32;
      if (c === 45 /* - */) removed = true;
      else if (c !== 43 /* + */ && c !== 32) return false;
      if (c !== 43) everyPlus = false;
    }
    if (removed) {
      for (let i = 0; i < n; i++) if (line.charCodeAt(i) === 45) this.oldLeft[i] = (this.oldLeft[i] ?? 0) - 1;
    } else {
      for (let i = 0; i < n; i++) if (line.charCodeAt(i) !== 43) this.oldLeft[i] = (this.oldLeft[i] ?? 0) - 1;
      if (everyPlus && this.path !== null) {
        this.lines.push(line.slice(n));
        this.numbers.push(this.newLine);
      }
      this.newLine++;
      this.newLeft--;
    }
    if (this.hunkDone()) this.state = 'outside';
    return true;
  }

  private hunkDone(): boolean {
    return this.newLeft <= 0 && this.oldLeft.every((left) => left <= 0);
  }

  private flushFile(): void {
    if (this.path !== null && this.lines.length > 0) this.events.file({ path: this.path, lines: this.lines, numbers: this.numbers });
    this.lines = [];
    this.numbers = [];
  }
}

/** `-12,3` or `+12` (a count of 1): where a hunk starts on one side and how many lines it has there. */
function rangeOf(text: string, sign: '-' | '+'): { start: number; count: number } {
  if (!text.startsWith(sign)) return { start: 0, count: 0 };
  const [start = '0', count = '1'] = text.slice(1).split(',');
  return { start: Number.parseInt(start, 10) || 0, count: Number.parseInt(count, 10) || 0 };
}

/**
 * The path of a `+++ ` line: `/dev/null` (a deleted file) is none; `b/` is the prefix the reader's
 * commands ask for; a name git had to quote is unquoted; the tab git adds after a name with a space
 * (for GNU patch) is not part of it.
 */
function newSidePath(text: string): string | null {
  if (text === '/dev/null' || text.startsWith('/dev/null\t')) return null;
  const name = text.startsWith('"') ? unquoteCPath(text.slice(0, closingQuote(text) + 1)) : text.replace(/\t$/, '');
  return name.startsWith('b/') ? name.slice(2) : name;
}

function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * A path as git prints it when it must quote it (core.quotePath=false still quotes a name with a
 * quote, a backslash or a control character): `"a\tb\"c\303\251"`. Octal escapes are bytes of the
 * name's UTF-8; text that is not quoted is given back as it is.
 */
export function unquoteCPath(text: string): string {
  if (!(text.length >= 2 && text.startsWith('"') && text.endsWith('"'))) return text;
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  const inner = text.slice(1, -1);
  for (let i = 0; i < inner.length; i++) {
    const c = inner.charAt(i);
    if (c !== '\\') {
      const code = inner.codePointAt(i) ?? 0;
      if (code > 0xffff) i++;
      bytes.push(...encoder.encode(String.fromCodePoint(code)));
      continue;
    }
    const next = inner.charAt(i + 1);
    if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(inner.slice(i + 1))?.[0] ?? '0';
      bytes.push(Number.parseInt(octal, 8) & 0xff);
      i += octal.length;
      continue;
    }
    const escaped = C_ESCAPES[next];
    bytes.push(escaped ?? next.charCodeAt(0));
    i++;
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
