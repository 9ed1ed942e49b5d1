import { readdirSync, readFileSync } from 'node:fs';

interface Stat {
  pid: number;
  ppid: number;
  state: string;
  /** Clock ticks after boot: with the pid, names one process even if the pid is reused. */
  start: string;
}

function stat(pid: number): Stat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Field 2 (the command name) may hold spaces and parentheses: the rest starts after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { pid, state: fields[0] ?? '', ppid: Number(fields[1]), start: fields[19] ?? '' };
}

export interface TreeProcess {
  pid: number;
  start: string;
  command: string;
}

/** The process and everything below it, as /proc shows them now. */
export function processTree(root: number): TreeProcess[] {
  const all = readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map((n) => stat(Number(n))).filter((s): s is Stat => s !== null);
  const found: Stat[] = [];
  const queue = [root];
  const rootStat = stat(root);
  if (rootStat) found.push(rootStat);
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const child of all.filter((s) => s.ppid === parent)) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found.map((s) => ({ pid: s.pid, start: s.start, command: commandLine(s.pid) }));
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

/** Whether that very process still runs (a zombie waiting to be collected does not; a reused pid is another process). */
export function stillRunning(p: TreeProcess): boolean {
  const now = stat(p.pid);
  return now !== null && now.start === p.start && now.state !== 'Z' && now.state !== 'X';
}

/** Every live process whose environment holds `name=value` (inherited from whoever started it), wherever it now sits in the tree. */
export function processesWithEnv(name: string, value: string): TreeProcess[] {
  const entry = `${name}=${value}`;
  const found: TreeProcess[] = [];
  for (const n of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const s = stat(Number(n));
    if (!s || s.state === 'Z' || s.state === 'X') continue;
    let environ: string;
    try {
      environ = readFileSync(`/proc/${n}/environ`, 'utf8');
    } catch {
      continue;
    }
    if (environ.split('\0').includes(entry)) found.push({ pid: s.pid, start: s.start, command: commandLine(s.pid) });
  }
  return found;
}
