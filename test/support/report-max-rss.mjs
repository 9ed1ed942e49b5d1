// Imported first into a process under test (node --import): when it exits, its peak resident
// memory (process.resourceUsage().maxRSS, in KiB) is written to file descriptor 3 as JSON.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(3, `${JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })}\n`);
});
