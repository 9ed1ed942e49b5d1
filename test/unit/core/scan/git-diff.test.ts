import { describe, expect, it } from 'vitest';
import { COMMIT_MARK, GitDiffReader, unquoteCPath, type FileAdditions } from '../../../../electron/core/scan/git-diff.js';

function read(output: string): { commits: { sha: string; date: string }[]; files: (FileAdditions & { commit: string | null })[] } {
  const commits: { sha: string; date: string }[] = [];
  const files: (FileAdditions & { commit: string | null })[] = [];
  const reader = new GitDiffReader({
    commit: (sha, date) => commits.push({ sha, date }),
    file: (a) => files.push({ ...a, commit: commits.at(-1)?.sha ?? null }),
  });
  for (const line of output.split('\n')) reader.push(line);
  reader.end();
  return { commits, files };
}

describe('GitDiffReader', () => {
  it('gives each file its added lines with their line numbers in the new file', () => {
    const { files } = read(
      [
        'diff --git a/src/app.ts b/src/app.ts',
        'index 1111111..2222222 100644',
        '--- a/src/app.ts',
        '+++ b/src/app.ts',
        '@@ -3 +3,2 @@ function x() {',
        '-old',
        '+new one',
        '+new two',
        '@@ -10,0 +12 @@',
        '+twelve',
        'diff --git a/b.txt b/b.txt',
        'new file mode 100644',
        '--- /dev/null',
        '+++ b/b.txt',
        '@@ -0,0 +1 @@',
        '+first',
      ].join('\n'),
    );
    expect(files).toEqual([
      { path: 'src/app.ts', lines: ['new one', 'new two', 'twelve'], numbers: [3, 4, 12], commit: null },
      { path: 'b.txt', lines: ['first'], numbers: [1], commit: null },
    ]);
  });

  it('keeps an added line that reads like a header an added line (hunks are read by their counts)', () => {
    const { files } = read(['diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -0,0 +1,3 @@', '+++ b/evil', '+diff --git a/y b/y', '+@@ -1 +1 @@', 'diff --git a/z b/z', '--- a/z', '+++ b/z', '@@ -1 +1 @@', '-a', '+b'].join('\n'));
    expect(files).toEqual([
      { path: 'x', lines: ['++ b/evil', 'diff --git a/y b/y', '@@ -1 +1 @@'], numbers: [1, 2, 3], commit: null },
      { path: 'z', lines: ['b'], numbers: [1], commit: null },
    ]);
  });

  it('never counts a removed line, nor a "no newline" note, and gives nothing for a file that only lost lines', () => {
    const { files } = read(['diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1,2 +0,0 @@', '-gone', '-gone too', '\\ No newline at end of file', 'diff --git a/y b/y', '--- a/y', '+++ /dev/null', '@@ -1 +0,0 @@', '-deleted file'].join('\n'));
    expect(files).toEqual([]);
  });

  it('reads nothing from a binary file or a pure rename', () => {
    const { files } = read(
      ['diff --git a/img.png b/img.png', 'new file mode 100644', 'index 0000000..1234567', 'Binary files /dev/null and b/img.png differ', 'diff --git a/old.env b/new.env', 'similarity index 100%', 'rename from old.env', 'rename to new.env'].join('\n'),
    );
    expect(files).toEqual([]);
  });

  it('takes from a merge\'s combined diff only the lines in none of its parents (the resolution itself)', () => {
    const { commits, files } = read(
      [
        `${COMMIT_MARK}${'a'.repeat(40)} 2024-01-06T10:00:00+02:00`,
        '',
        'diff --cc main.txt',
        'index 1111111,2222222..3333333',
        '--- a/main.txt',
        '+++ b/main.txt',
        '@@@ -1,1 -1,1 +1,4 @@@',
        '- from ours, dropped',
        ' +from theirs',
        '+ from ours',
        '++written by the merge',
        '++also the merge',
      ].join('\n'),
    );
    expect(commits).toEqual([{ sha: 'a'.repeat(40), date: '2024-01-06T10:00:00+02:00' }]);
    expect(files).toEqual([{ path: 'main.txt', lines: ['written by the merge', 'also the merge'], numbers: [3, 4], commit: 'a'.repeat(40) }]);
  });

  it('gives each commit its own files', () => {
    const { files } = read(
      [`${COMMIT_MARK}${'1'.repeat(40)} d1`, '', 'diff --git a/f b/f', '--- /dev/null', '+++ b/f', '@@ -0,0 +1 @@', '+one', `${COMMIT_MARK}${'2'.repeat(40)} d2`, `${COMMIT_MARK}${'3'.repeat(40)} d3`, '', 'diff --git a/f b/f', '--- a/f', '+++ b/f', '@@ -1 +1 @@', '-one', '+three'].join('\n'),
    );
    expect(files.map((f) => [f.commit?.[0], f.lines])).toEqual([
      ['1', ['one']],
      ['3', ['three']],
    ]);
  });

  it('reads a path git quoted, and drops the tab git puts after a name with a space', () => {
    const { files } = read(['diff --git "a/we\\"ird\\tname" "b/we\\"ird\\tname"', '--- /dev/null', '+++ "b/we\\"ird\\tname"', '@@ -0,0 +1 @@', '+x', 'diff --git a/my file.txt b/my file.txt', '--- /dev/null', '+++ b/my file.txt\t', '@@ -0,0 +1 @@', '+y'].join('\n'));
    expect(files.map((f) => f.path)).toEqual(['we"ird\tname', 'my file.txt']);
  });
});

describe('unquoteCPath', () => {
  it('turns octal escapes back into the UTF-8 they are the bytes of', () => {
    expect(unquoteCPath('"caf\\303\\251 \\342\\234\\223.txt"')).toBe('café ✓.txt');
    expect(unquoteCPath('"a\\\\b\\nc"')).toBe('a\\b\nc');
  });

  it('gives a name that is not quoted back as it is', () => {
    expect(unquoteCPath('plain é.txt')).toBe('plain é.txt');
  });
});
