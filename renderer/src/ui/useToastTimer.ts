import { useEffect, useRef } from 'react';

/**
 * Calls `onDone` once `ms` have run while not paused: a pause keeps the time that was left (a
 * toast under the pointer or holding the focus stays, then has the rest of its time).
 */
export function useToastTimer(ms: number, paused: boolean, onDone: () => void): void {
  const left = useRef(ms);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const timer = setTimeout(() => done.current(), left.current);
    return () => {
      clearTimeout(timer);
      left.current = Math.max(0, left.current - (Date.now() - started));
    };
  }, [paused]);
}
