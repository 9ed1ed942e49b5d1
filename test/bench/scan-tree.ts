// `keyturn scan PATH` over a generated tree, beside ripgrep running the same key patterns (part of `npm run bench`, see run.ts).

export type BenchRecord = (what: string, measured: string, target: string, ok: boolean) => void;

export async function benchScanTree(record: BenchRecord): Promise<void> {
  record('scan: a tree of 20,000 files beside ripgrep', 'not built yet', 'at most 2x ripgrep', false);
}
