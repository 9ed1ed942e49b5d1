/** The most of a provider's own words Keyturn repeats: a reason, not a page. */
const MAX_PROVIDER_TEXT = 300;

/**
 * A provider's text (a 401's message, an error's detail) as Keyturn repeats it: control characters
 * and escape sequences shown as \u escapes, so a self-hosted or user-defined provider cannot move
 * a terminal's cursor or recolour what it prints, and cut to a sentence's length.
 */
export function providerText(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const printable = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return printable.length > MAX_PROVIDER_TEXT ? `${printable.slice(0, MAX_PROVIDER_TEXT)}…` : printable;
}
