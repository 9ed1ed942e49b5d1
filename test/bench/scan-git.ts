// `keyturn scan --git` over a generated history and `keyturn scan --staged` in a large repository (part of `npm run bench`, see run.ts).
import type { BenchRecord } from './scan-tree.js';

export async function benchScanGit(record: BenchRecord): Promise<void> {
  record('scan --git: 5,000 commits', 'not built yet', 'under 10 s', false);
  record('scan --staged: 20,000 files, one staged change', 'not built yet', 'under 300 ms', false);
}
