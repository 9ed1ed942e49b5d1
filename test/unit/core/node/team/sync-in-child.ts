import { spawn, type ChildProcess } from 'node:child_process';
import type { TeamSyncOutcome } from '../../../../../electron/core/team/team-connection.js';

export interface SyncChild {
  child: ChildProcess;
  /** Resolves with the point it hangs at (see sync-child.ts), once it says so. */
  hung: Promise<string>;
  /** Resolves when it exits: its outcome when it finished its sync. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; outcome: TeamSyncOutcome | null; out: string }>;
}

/** A sync of the vault in `home` in a process of its own (test/unit/core/node/team/sync-child.ts). */
export function syncInChild(config: { home: string; password: string; hangAt?: 'before-deliver' | 'after-commit'; chunk?: number }): SyncChild {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/unit/core/node/team/sync-child.ts', JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let onHang: (point: string) => void = () => undefined;
  const hung = new Promise<string>((resolve) => (onHang = resolve));
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    const hang = /^HANG (\S+)$/m.exec(out);
    if (hang) onHang(hang[1] ?? '');
  });
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; outcome: TeamSyncOutcome | null; out: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      let outcome: TeamSyncOutcome | null;
      try {
        outcome = last.startsWith('{') ? (JSON.parse(last) as TeamSyncOutcome) : null;
      } catch {
        outcome = null;
      }
      resolve({ code, signal, outcome, out });
    });
  });
  return { child, hung, exited };
}
