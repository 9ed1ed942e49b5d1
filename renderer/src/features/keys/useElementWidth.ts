import { useEffect, useState, type RefObject } from 'react';

/** The element's width as it lays out, followed as it resizes (the table's columns fit it). */
export function useElementWidth(ref: RefObject<HTMLElement | null>, initial = 1200): number {
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    setWidth(el.getBoundingClientRect().width || initial);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, initial]);
  return width;
}
