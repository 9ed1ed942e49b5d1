import type { Page } from '@playwright/test';

/** What the page reports about the focused control's ring; null when focus is on the page itself. */
type FocusStop = { seenBefore: true } | { seenBefore: false; control: string; problem: string | null } | null;

/**
 * Presses Tab through the screen (a dialog traps focus, so only its controls) until focus comes back
 * to a control already visited, and returns, for each control whose focus ring a person could miss,
 * one line saying which control and why: no ring, a ring under 3:1 against what surrounds it
 * (WCAG 1.4.11), or a ring cut off on two sides or more by a scrolling or clipping container.
 */
export async function focusRingProblems(page: Page, maxStops = 80): Promise<string[]> {
  await page.evaluate(() => {
    (window as unknown as { focusRingSeen: WeakSet<Element> }).focusRingSeen = new WeakSet();
  });
  const problems: string[] = [];
  let visited = 0;
  for (let stop = 0; stop < maxStops; stop++) {
    await page.keyboard.press('Tab');
    const found: FocusStop = await page.evaluate(inspectFocusedControl);
    if (found === null) continue;
    if (found.seenBefore) break;
    visited++;
    if (found.problem) problems.push(`${found.control}: ${found.problem}`);
  }
  if (visited === 0) throw new Error('Tab reached no control on this screen');
  return problems;
}

// Runs in the page: everything it needs is inside it.
function inspectFocusedControl(): FocusStop {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement) || el === document.body) return null;
  const seen = (window as unknown as { focusRingSeen: WeakSet<Element> }).focusRingSeen;
  if (seen.has(el)) return { seenBefore: true };
  seen.add(el);

  const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  const role = el.getAttribute('role') ?? el.tagName.toLowerCase();
  const control = `${role} "${name}"${el.className ? ` (.${String(el.className).trim().split(/\s+/).join('.')})` : ''}`;

  const rgba = (text: string) => {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(text);
    return m ? { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: m[4] === undefined ? 1 : Number(m[4]) } : null;
  };
  const luminance = (c: { r: number; g: number; b: number }) => {
    const ch = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
  };
  const backgroundOf = (start: Element | null) => {
    for (let n = start; n; n = n.parentElement) {
      const c = rgba(getComputedStyle(n).backgroundColor);
      if (c && c.a >= 0.5) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };

  const style = getComputedStyle(el);
  const width = parseFloat(style.outlineWidth) || 0;
  const offset = parseFloat(style.outlineOffset) || 0;
  const hasOutline = style.outlineStyle !== 'none' && width >= 2;
  if (!hasOutline && style.boxShadow === 'none') return { seenBefore: false, control, problem: 'no focus ring (no outline of 2px or more, no box-shadow)' };

  if (hasOutline) {
    const ring = rgba(style.outlineColor);
    // An outline drawn outside the control sits on what surrounds it; one drawn inside, on the control.
    const around = backgroundOf(offset >= 0 ? el.parentElement : el);
    if (ring) {
      const [hi, lo] = [luminance(ring), luminance(around)].sort((a, b) => b - a) as [number, number];
      const ratio = (hi + 0.05) / (lo + 0.05);
      if (ratio < 3) return { seenBefore: false, control, problem: `focus ring ${style.outlineColor} is ${ratio.toFixed(2)}:1 against rgb(${around.r}, ${around.g}, ${around.b}), needs 3:1` };
    }
  }

  const reach = hasOutline ? Math.max(0, offset + width) : 0;
  const box = el.getBoundingClientRect();
  const ring = { left: box.left - reach, top: box.top - reach, right: box.right + reach, bottom: box.bottom + reach };
  const cut = new Set<string>();
  const cutters = new Set<string>();
  const clip = (edges: { left: number; top: number; right: number; bottom: number }, by: string) => {
    const sides = [['left', ring.left < edges.left - 0.5], ['top', ring.top < edges.top - 0.5], ['right', ring.right > edges.right + 0.5], ['bottom', ring.bottom > edges.bottom + 0.5]] as const;
    for (const [side, isCut] of sides)
      if (isCut) {
        cut.add(side);
        cutters.add(by);
      }
  };
  for (let n = el.parentElement; n && n !== document.documentElement; n = n.parentElement) {
    const s = getComputedStyle(n);
    if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
    const r = n.getBoundingClientRect();
    const left = r.left + n.clientLeft;
    const top = r.top + n.clientTop;
    clip({ left, top, right: left + n.clientWidth, bottom: top + n.clientHeight }, `${n.tagName.toLowerCase()}${n.className ? `.${String(n.className).trim().split(/\s+/).join('.')}` : ''}`);
  }
  clip({ left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight }, 'the window');
  // Scrolled into view against an edge, one side may be shaved; two or more sides gone is a ring no one sees.
  if (cut.size >= 2) return { seenBefore: false, control, problem: `focus ring cut off on the ${[...cut].join(', ')} by ${[...cutters].join(', ')}` };
  return { seenBefore: false, control, problem: null };
}
