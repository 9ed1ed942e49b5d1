import { spawn } from 'node:child_process';

/**
 * Runs a rotation in a process of its own (test/support/rotation-child.ts), as the crash tests do:
 * it kills itself with SIGKILL at `crashAt`, or runs to its stop. Resolves when it has exited.
 */
export function rotateInChild(config: Record<string, unknown>): Promise<{ pid: number; code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/rotation-child.ts', JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ pid: child.pid ?? -1, code, signal, out }));
  });
}
