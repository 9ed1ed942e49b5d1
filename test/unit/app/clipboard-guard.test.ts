import { expect, it } from 'vitest';
import { guardedCopy, type Schedule } from '../../../electron/app/clipboard-guard.js';

/** A controllable timer: the test decides when time has passed. */
function manualSchedule() {
  const pending: { run: () => void; afterMs: number; cancelled: boolean }[] = [];
  const schedule: Schedule = (run, afterMs) => {
    const entry = { run, afterMs, cancelled: false };
    pending.push(entry);
    return () => void (entry.cancelled = true);
  };
  const elapse = () => {
    for (const entry of pending.splice(0)) if (!entry.cancelled) entry.run();
  };
  return { schedule, pending, elapse };
}

function fakeClipboard(text = '') {
  return { text, readText() { return this.text; }, writeText(t: string) { this.text = t; } };
}

it('clears a copied secret after the timeout, if the clipboard still holds it', () => {
  const clipboard = fakeClipboard();
  const time = manualSchedule();
  const copy = guardedCopy(clipboard, 30, time.schedule);
  expect(copy('nte_secret')).toEqual({ by: 'host', clearsAfterSeconds: 30 });
  expect(clipboard.text).toBe('nte_secret');
  expect(time.pending[0]?.afterMs).toBe(30_000);
  time.elapse();
  expect(clipboard.text).toBe('');
});

it('never clears what the person copied since: their text stays', () => {
  const clipboard = fakeClipboard();
  const time = manualSchedule();
  guardedCopy(clipboard, 30, time.schedule)('nte_secret');
  clipboard.writeText('a note of theirs');
  time.elapse();
  expect(clipboard.text).toBe('a note of theirs');
});

it('clears once, after the last of several copies', () => {
  const clipboard = fakeClipboard();
  const time = manualSchedule();
  const copy = guardedCopy(clipboard, 30, time.schedule);
  copy('nte_first');
  copy('nte_second');
  expect(time.pending.filter((p) => !p.cancelled)).toHaveLength(1);
  time.elapse();
  expect(clipboard.text).toBe('');
});
