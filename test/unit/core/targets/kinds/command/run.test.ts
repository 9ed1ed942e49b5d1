import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommandTarget } from '../../../../../../electron/core/node/targets/kinds/command/run.js';

const SECRET = 'nxr_COMMANDTARGETSECRET0123456789';

describe('runCommandTarget', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('a command target never receives the secret in argv or environment, only on stdin', async () => {
    const d = mkdtempSync(join(tmpdir(), 'keyturn-cmd-'));
    dirs.push(d);
    const out = join(d, 'seen.json');
    const script = `let s='';process.stdin.on('data',c=>s+=c).on('end',()=>require('fs').writeFileSync(${JSON.stringify(out)},JSON.stringify({stdin:s,argv:process.argv,env:process.env})))`;
    const result = await runCommandTarget({ command: process.execPath, args: ['-e', script], secret: SECRET });
    expect(result.ok).toBe(true);
    const seen = JSON.parse(readFileSync(out, 'utf8')) as { stdin: string; argv: string[]; env: Record<string, string> };
    expect(seen.stdin).toBe(SECRET);
    expect(JSON.stringify(seen.argv)).not.toContain(SECRET);
    expect(JSON.stringify(seen.env)).not.toContain(SECRET);
  });

  it('reports a non-zero exit as a failure', async () => {
    const result = await runCommandTarget({ command: process.execPath, args: ['-e', 'process.exit(3)'], secret: SECRET });
    expect(result).toMatchObject({ ok: false, exitCode: 3, timedOut: false });
  });

  it('kills a command that hangs, within the timeout', async () => {
    const started = Date.now();
    const result = await runCommandTarget({ command: process.execPath, args: ['-e', 'setInterval(()=>{},1000)'], secret: SECRET, timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, timedOut: true });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('says when the command does not exist', async () => {
    const result = await runCommandTarget({ command: 'keyturn-no-such-command', args: [], secret: SECRET });
    expect(result).toMatchObject({ ok: false, output: 'command not found: keyturn-no-such-command' });
  });

  it('masks the secret in what the command prints', async () => {
    const result = await runCommandTarget({ command: process.execPath, args: ['-e', "process.stdin.on('data',c=>{process.stdout.write('got '+c);process.stderr.write(String(c))})"], secret: SECRET });
    expect(result.output).toContain('got [the key]');
    expect(result.output).not.toContain(SECRET);
  });
});
