/** Where each line of a text starts (offsets), for telling the line of a match. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** The 1-based line holding offset `at`. */
export function lineAt(lineStarts: readonly number[], at: number): number {
  let line = 0;
  for (let lo = 0, hi = lineStarts.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if ((lineStarts[mid] as number) <= at) {
      line = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return line + 1;
}
