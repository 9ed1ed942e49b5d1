// The processes under a process (Linux /proc), and stopping a set of them: signal, wait until they
// are gone, kill what is still there after a grace period. For the launchers (start, with-keyring).
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/** Every process below `pid` (children, their children, ...); [] where there is no /proc. */
export function descendantsOf(pid) {
  const children = new Map();
  let names;
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (!stat) continue;
    const list = children.get(stat.ppid) ?? [];
    list.push(Number(name));
    children.set(stat.ppid, list);
  }
  const found = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** Whether the process still runs (a zombie, only waiting for its parent to collect it, does not). */
export function isRunning(pid) {
  const stat = readStat(pid);
  if (stat) return stat.state !== 'Z' && stat.state !== 'X';
  try {
    process.kill(pid, 0); // no /proc (not Linux): the kernel's own answer
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends `signal` to each process still running, then waits until none is (checking every 20 ms);
 * what still runs after `graceMs` gets SIGKILL.
 */
export async function stopProcesses(pids, signal, graceMs) {
  const running = () => pids.filter(isRunning);
  for (const pid of running()) send(pid, signal);
  const killAt = Date.now() + graceMs;
  let killed = false;
  while (running().length > 0) {
    if (!killed && Date.now() >= killAt) {
      for (const pid of running()) send(pid, 'SIGKILL');
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

/** State and parent from /proc/PID/stat; the command name (field 2) may hold spaces and parentheses. */
function readStat(pid) {
  let text;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0], ppid: Number(fields[1]) };
}
