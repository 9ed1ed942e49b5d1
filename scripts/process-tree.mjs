// Finding processes (Linux /proc) and stopping a set of them: signal, wait until they are gone,
// kill what is still there after a grace period. For the launchers (start, with-keyring).
// A process is named by its pid and its start time, so a pid the kernel has since given to
// another process is never signalled in its place.
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/** The process now running as `pid`, as { pid, start }; null if none. Without /proc, start is null (not comparable). */
export function identify(pid) {
  const stat = readStat(pid);
  if (stat) return { pid, start: stat.start };
  return hasProc() ? null : { pid, start: null };
}

/** Every process below `pid` (children, their children, ...); [] where there is no /proc. */
export function descendantsOf(pid) {
  const stats = allStats();
  const children = new Map();
  for (const stat of stats) {
    const list = children.get(stat.ppid) ?? [];
    list.push(stat);
    children.set(stat.ppid, list);
  }
  const found = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push({ pid: child.pid, start: child.start });
      queue.push(child.pid);
    }
  }
  return found;
}

/**
 * Every live process whose environment holds `name=value` (what it was started with, inherited
 * from its parent); [] where there is no /proc. Processes of other users cannot be read: skipped.
 */
export function processesWithEnv(name, value) {
  const entry = `${name}=${value}`;
  const found = [];
  for (const stat of allStats()) {
    if (stat.state === 'Z' || stat.state === 'X') continue;
    let environ;
    try {
      environ = readFileSync(`/proc/${stat.pid}/environ`, 'utf8');
    } catch {
      continue;
    }
    if (environ.split('\0').includes(entry)) found.push({ pid: stat.pid, start: stat.start });
  }
  return found;
}

/** Whether that very process still runs (a zombie, only waiting for its parent to collect it, does not; a reused pid is another process). */
export function isRunning(proc) {
  const stat = readStat(proc.pid);
  if (stat) return stat.start === proc.start && stat.state !== 'Z' && stat.state !== 'X';
  if (hasProc()) return false;
  try {
    process.kill(proc.pid, 0); // no /proc (not Linux): the kernel's own answer
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends `signal` to each process (from identify/descendantsOf) still running, then waits until
 * none is (checking every 20 ms); what still runs after `graceMs` gets SIGKILL.
 */
export async function stopProcesses(procs, signal, graceMs) {
  const running = () => procs.filter(isRunning);
  for (const proc of running()) send(proc.pid, signal);
  const killAt = Date.now() + graceMs;
  let killed = false;
  while (running().length > 0) {
    if (!killed && Date.now() >= killAt) {
      for (const proc of running()) send(proc.pid, 'SIGKILL');
      killed = true;
    }
    await delay(20);
  }
}

function send(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

function hasProc() {
  try {
    readdirSync('/proc/self');
    return true;
  } catch {
    return false;
  }
}

function allStats() {
  let names;
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  return names.filter((name) => /^\d+$/.test(name)).map((name) => readStat(Number(name))).filter((stat) => stat !== null);
}

/** State, parent and start time (clock ticks after boot) from /proc/PID/stat; the command name (field 2) may hold spaces and parentheses. */
function readStat(pid) {
  let text;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { pid, state: fields[0], ppid: Number(fields[1]), start: fields[19] };
}
