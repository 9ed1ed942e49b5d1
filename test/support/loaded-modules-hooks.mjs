// Module loader hooks for record-loaded-modules.mjs (they run on the loader's own thread).
import { appendFileSync } from 'node:fs';

let file = null;

export function initialize(data) {
  file = data?.file ?? null;
}

export async function load(url, context, nextLoad) {
  if (file) appendFileSync(file, `${url}\n`);
  return nextLoad(url, context);
}
