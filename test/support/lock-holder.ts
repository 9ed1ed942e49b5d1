import { spawn, type ChildProcess } from 'node:child_process';

export interface LockHolder {
  pid: number;
  child: ChildProcess;
  /** SIGKILL, resolved once the process is gone: the lock stays behind as after a crash. */
  kill(): Promise<void>;
}

/** A real process that takes a rotation's lock and keeps it; resolved once it holds it. */
export function holdRotationLock(home: string, rotationId: string, host: string): Promise<LockHolder> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/rotation-lock-child.ts', home, rotationId, host], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/^held \d+$/m.test(out)) {
        resolve({
          pid: child.pid ?? -1,
          child,
          kill: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code}) before holding the lock: ${err}`)));
    child.once('error', reject);
  });
}
