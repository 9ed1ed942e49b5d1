import { useCallback, useEffect, useState } from 'react';

/** Whether an element's content is taller than the element (it scrolls): measured again whenever either changes size. */
export function useOverflows<E extends HTMLElement>(): { ref: (element: E | null) => void; overflows: boolean } {
  const [element, setElement] = useState<E | null>(null);
  const [overflows, setOverflows] = useState(false);
  const ref = useCallback((e: E | null) => setElement(e), []);
  useEffect(() => {
    if (!element) return;
    const measure = () => setOverflows(element.scrollHeight > element.clientHeight + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    const mutations = new MutationObserver(() => {
      for (const child of element.children) observer.observe(child);
      measure();
    });
    mutations.observe(element, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      mutations.disconnect();
    };
  }, [element]);
  return { ref, overflows };
}
