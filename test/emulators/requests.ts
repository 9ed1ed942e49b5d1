// Every provider API request an emulator received, so tests can assert on traffic (and wait
// for it) instead of sleeping.
import type { RequestRecord } from './types.js';

type Waiter = { match: (r: RequestRecord) => boolean; resolve: (r: RequestRecord) => void };

export class RequestLog {
  #records: RequestRecord[] = [];
  #waiters = new Set<Waiter>();

  /** The live record: the caller fills in `status` through answered(). */
  add(record: RequestRecord): RequestRecord {
    this.#records.push(record);
    this.#notify(record);
    return record;
  }

  answered(record: RequestRecord, status: number): void {
    record.status = status;
    this.#notify(record);
  }

  list(): RequestRecord[] {
    return this.#records.map((r) => ({ ...r }));
  }

  reset(): void {
    this.#records = [];
  }

  waitFor(match: (r: RequestRecord) => boolean = () => true, timeoutMs = 5_000): Promise<RequestRecord> {
    const found = this.#records.find(match);
    if (found) return Promise.resolve({ ...found });
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match,
        resolve: (r) => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve({ ...r });
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`no matching emulator request within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  #notify(record: RequestRecord): void {
    for (const waiter of [...this.#waiters]) if (waiter.match(record)) waiter.resolve(record);
  }
}
