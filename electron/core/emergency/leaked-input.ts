/**
 * A leaked key as pasted from a log, a header dump or a .env line: surrounding whitespace and
 * quotes, `Authorization: Bearer …`, `X-API-Key: …` or `NAME=value` are taken off.
 */
export function normalizeLeaked(raw: string): string {
  let text = unquote(raw.trim());
  // A header line: "Authorization: Bearer x", "x-api-key: x".
  text = text.replace(/^[A-Za-z][A-Za-z0-9-]*:\s*/, (m) => (/^(authorization|x-api-key|api-key|x-api-token)\s*:/i.test(m) ? '' : m));
  // An assignment: "export NAME=value", "NAME = value".
  const assignment = /^(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*[=:]\s*(.*)$/s.exec(text);
  if (assignment?.[1] !== undefined) text = assignment[1];
  // A bare "Bearer" (its token cut off) leaves nothing: never a key named Bearer.
  text = unquote(text.trim().replace(/[,;]$/, '')).replace(/^Bearer(?:\s+|$)/i, '');
  return unquote(text.trim());
}

function unquote(text: string): string {
  const m = /^(["'`])(.*)\1$/s.exec(text);
  return m?.[2] ?? text;
}
