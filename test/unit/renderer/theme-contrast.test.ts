import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// WCAG 2.1 AA for both themes, read from the stylesheet the app loads: 4.5:1 for text (1.4.3),
// 3:1 for what identifies a control or a state — borders, focus ring, environment bars, icons (1.4.11).

type Rgba = { r: number; g: number; b: number; a: number };
type Theme = 'light' | 'dark';

const css = readFileSync(new URL('../../../renderer/src/theme.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

function declarations(block: string): Map<string, string> {
  return new Map([...block.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]));
}

const darkMatch = /@media\s*\(\s*prefers-color-scheme:\s*dark\s*\)\s*\{\s*:root\s*\{([^}]*)\}\s*\}/.exec(css);
const lightMatch = /:root\s*\{([^}]*)\}/.exec(css.replace(darkMatch?.[0] ?? '', ''));
const light = declarations(lightMatch?.[1] ?? '');
const dark = declarations(darkMatch?.[1] ?? '');
const themes: Record<Theme, Map<string, string>> = { light, dark: new Map([...light, ...dark]) };

function parseColour(text: string): Rgba {
  const hex = /^#([0-9a-f]{3,8})$/i.exec(text)?.[1];
  if (hex && [3, 6, 8].includes(hex.length)) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    const [r, g, b, a = 255] = (full.match(/../g) ?? []).map((pair) => parseInt(pair, 16));
    return { r: r ?? 0, g: g ?? 0, b: b ?? 0, a: a / 255 };
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(text);
  if (fn) {
    const alpha = fn[4] === undefined ? 1 : Number(fn[4]) / (fn[5] === '%' ? 100 : 1);
    return { r: Number(fn[1]), g: Number(fn[2]), b: Number(fn[3]), a: alpha };
  }
  throw new Error(`not a colour this test reads: ${text}`);
}

/** A translucent colour painted over an opaque one, as the browser blends them (in sRGB). */
function over(top: Rgba, under: Rgba): Rgba {
  const mix = (t: number, u: number) => t * top.a + u * (1 - top.a);
  return { r: mix(top.r, under.r), g: mix(top.g, under.g), b: mix(top.b, under.b), a: 1 };
}

/** WCAG 2.1 relative luminance (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). */
function luminance({ r, g, b }: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

function token(theme: Theme, name: string): Rgba {
  const value = themes[theme].get(name);
  if (value === undefined) throw new Error(`--${name} is not set in the ${theme} theme`);
  return parseColour(value);
}

/** Foreground token, the backgrounds it is drawn on, and where styles.css draws it (so a failure says what to look at). */
type Pair = { fg: string; on: string[]; where: string };

const text: Pair[] = [
  { fg: 'text', on: ['bg', 'panel', 'line', 'warn-bg', 'selected-bg'], where: 'body, buttons, inputs, detail, dialogs, selected rows, banners' },
  { fg: 'muted', on: ['bg', 'panel', 'line', 'warn-bg', 'selected-bg'], where: '.muted, .count, .row.head, .facts dt, .status-bar, .tree-level-1, .policy' },
  { fg: 'accent', on: ['bg', 'panel', 'line', 'selected-bg'], where: 'button.link, .status-pending' },
  { fg: 'prod', on: ['prod-bg'], where: '.env-production' },
  { fg: 'sandbox', on: ['sandbox-bg'], where: '.env-sandbox' },
  { fg: 'ok', on: ['bg', 'panel'], where: '.ok' },
  { fg: 'warn-text', on: ['warn-bg'], where: '.due-count, .policy-due-soon' },
  { fg: 'danger', on: ['bg', 'panel', 'line', 'selected-bg'], where: '.error, button.danger, .status-revoked, .status-expired' },
  { fg: 'on-accent', on: ['accent'], where: 'button.primary' },
  { fg: 'on-danger', on: ['danger'], where: '.policy-overdue, .policy-expired' },
];

const nonText: Pair[] = [
  { fg: 'focus', on: ['bg', 'panel', 'warn-bg'], where: ':focus-visible outline (drawn outside the control, on what surrounds it)' },
  { fg: 'control-border', on: ['bg', 'panel', 'warn-bg'], where: 'the border of button, input, select, textarea' },
  { fg: 'prod', on: ['bg', 'panel', 'line', 'selected-bg'], where: '.tree-production, .row-production .ref (the production bar)' },
  { fg: 'sandbox', on: ['bg', 'panel', 'line', 'selected-bg'], where: '.tree-sandbox, .row-sandbox .ref (the sandbox bar)' },
  { fg: 'accent', on: ['panel'], where: '.remote-key[data-selected] border and dot' },
  { fg: 'muted', on: ['panel'], where: '.remote-key::before (an unselected choice)' },
  { fg: 'danger', on: ['panel'], where: 'button.danger border, .step-failed icon, .modal-danger edge' },
  { fg: 'ok', on: ['panel'], where: '.step-done icon' },
];

function failures(theme: Theme, pairs: Pair[], minimum: number): string[] {
  return pairs.flatMap(({ fg, on, where }) =>
    on.flatMap((bg) => {
      const ratio = contrast(token(theme, fg), token(theme, bg));
      return ratio >= minimum ? [] : [`--${fg} on --${bg}: ${ratio.toFixed(2)}:1, needs ${minimum}:1 (${where})`];
    }),
  );
}

describe('the contrast formula', () => {
  it('gives the known ratios', () => {
    expect(contrast(parseColour('#000'), parseColour('#fff'))).toBeCloseTo(21, 5);
    expect(contrast(parseColour('#777'), parseColour('#777'))).toBe(1);
    // The grey usually quoted as the lightest that passes AA on white.
    expect(contrast(parseColour('#767676'), parseColour('#ffffff'))).toBeCloseTo(4.54, 2);
    expect(contrast(over(parseColour('rgb(0 0 0 / 50%)'), parseColour('#ffffff')), parseColour('#808080'))).toBeCloseTo(1, 1);
  });
});

describe('theme.css', () => {
  it('has a light block and a dark block, and the dark block sets every colour the light one does', () => {
    expect(light.size).toBeGreaterThan(10);
    expect(dark.size).toBeGreaterThan(10);
    const colours = [...light].filter(([, v]) => /^(#|rgb)/.test(v)).map(([k]) => k);
    expect(colours.filter((k) => !dark.has(k))).toEqual([]);
  });

  it('defines every colour styles.css asks for without a fallback', () => {
    const styles = readFileSync(new URL('../../../renderer/src/styles.css', import.meta.url), 'utf8');
    const asked = new Set([...styles.matchAll(/var\(\s*--([\w-]+)\s*\)/g)].map((m) => m[1] ?? ''));
    expect([...asked].filter((name) => !light.has(name))).toEqual([]);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: every text colour is at least 4.5:1 on every background it is drawn on`, () => {
      expect(failures(theme, text, 4.5)).toEqual([]);
    });

    it(`${theme}: every control border, focus ring and state mark is at least 3:1 on what surrounds it`, () => {
      expect(failures(theme, nonText, 3)).toEqual([]);
    });

    it(`${theme}: the modal backdrop clearly dims the page, and the dialog's edge stands out from it`, () => {
      const backdrop = token(theme, 'backdrop');
      const page = token(theme, 'bg');
      const dimmedPage = over(backdrop, page);
      const pageText = contrast(token(theme, 'text'), page);
      const dimmedText = contrast(over(backdrop, token(theme, 'text')), dimmedPage);
      // The page behind keeps at most a third of its contrast: it reads as set aside, also in dark mode.
      expect(dimmedText / pageText, `text behind the backdrop keeps ${dimmedText.toFixed(1)} of ${pageText.toFixed(1)}:1`).toBeLessThanOrEqual(1 / 3);
      expect(contrast(token(theme, 'dialog-border'), dimmedPage), "the dialog's edge on the dimmed page").toBeGreaterThanOrEqual(3);
    });
  }
});
