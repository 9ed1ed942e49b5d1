import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseEnvAssignments } from '../../../../electron/core/run/env-assignments.js';
import { runWithSecrets, shellExitStatus } from '../../../../electron/core/node/run/run-with-secrets.js';
import { problemWith } from '../../../support/problem-match.js';

const SECRET = 'nxr_RUNSECRET_abcdefghijklmnop';

function sink() {
  let text = '';
  return { stream: new Writable({ write: (c: Buffer, _e, done) => ((text += c.toString()), done()) }), text: () => text };
}

describe('runWithSecrets', () => {
  it('run never lets an injected secret reach the terminal unmasked', async () => {
    const out = sink();
    const err = sink();
    const script = "process.stdout.write('key='+process.env.API_KEY+'\\n'); for (const c of process.env.API_KEY) process.stderr.write(c)";
    const result = await runWithSecrets({ command: process.execPath, args: ['-e', script], env: { API_KEY: SECRET }, stdout: out.stream, stderr: err.stream });
    expect(result.exitCode).toBe(0);
    expect(out.text()).toBe('key=[keyturn:API_KEY]\n');
    expect(err.text()).toBe('[keyturn:API_KEY]');
  });

  it('puts the secret in the environment only, never in argv, and passes the exit code through', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyturn-run-'));
    try {
      const file = join(dir, 'argv.json');
      const script = `require('fs').writeFileSync(${JSON.stringify(file)}, JSON.stringify(process.argv)); process.exit(process.env.API_KEY === ${JSON.stringify(SECRET)} ? 7 : 1)`;
      const result = await runWithSecrets({ command: process.execPath, args: ['-e', script], env: { API_KEY: SECRET }, stdout: sink().stream, stderr: sink().stream });
      expect(result.exitCode).toBe(7);
      expect(readFileSync(file, 'utf8')).not.toContain(SECRET);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('masks a secret written half to stdout and half to stderr when both reach one place (2>&1, a terminal)', async () => {
    const out = sink();
    const half = SECRET.length / 2;
    const script = `process.stdout.write('key=' + process.env.API_KEY.slice(0, ${half})); process.stderr.write(process.env.API_KEY.slice(${half}) + '\\n')`;
    const result = await runWithSecrets({ command: process.execPath, args: ['-e', script], env: { API_KEY: SECRET }, stdout: out.stream, stderr: sink().stream, merged: true });
    expect(result.exitCode).toBe(0);
    expect(out.text()).toBe('key=[keyturn:API_KEY]\n');
  });

  it('reports a child killed by a signal as a shell does: 128 + the signal number', async () => {
    const result = await runWithSecrets({ command: process.execPath, args: ['-e', "process.kill(process.pid, 'SIGKILL')"], env: {}, stdout: sink().stream, stderr: sink().stream });
    expect(result).toEqual({ exitCode: null, signal: 'SIGKILL' });
    expect(shellExitStatus(result)).toBe(137);
    expect(shellExitStatus({ exitCode: null, signal: 'SIGTERM' })).toBe(143);
    expect(shellExitStatus({ exitCode: null, signal: 'SIGINT' })).toBe(130);
    expect(shellExitStatus({ exitCode: 0, signal: null })).toBe(0);
  });

  it('says when the command does not exist', async () => {
    await expect(runWithSecrets({ command: 'keyturn-no-such-command', args: [], env: {}, stdout: sink().stream, stderr: sink().stream })).rejects.toThrow(problemWith('run.command-not-found', { command: 'keyturn-no-such-command' }));
  });

  it('parses VAR=REF and refuses what is not', () => {
    expect(parseEnvAssignments(['A=nora/acme/live/k', 'B=id-1'])).toEqual([{ variable: 'A', ref: 'nora/acme/live/k' }, { variable: 'B', ref: 'id-1' }]);
    expect(() => parseEnvAssignments(['=x'])).toThrow(problemWith('run.env-malformed', { field: 'variable', value: '=x' }));
    expect(() => parseEnvAssignments(['1A=x'])).toThrow(problemWith('run.env-malformed', { value: '1A=x' }));
    expect(() => parseEnvAssignments(['A=x', 'A=y'])).toThrow(problemWith('run.env-twice', { variable: 'A' }));
  });
});
