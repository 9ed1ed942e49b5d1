import type { StateCreator } from 'zustand';
import type { AppState } from './store.js';

export interface FilterSlice {
  query: string;
  env: 'all' | 'sandbox' | 'production';
  provider: string;
  status: string;
  setQuery(q: string): void;
  setEnv(env: FilterSlice['env']): void;
  setProvider(provider: string): void;
  setStatus(status: string): void;
  /** The search box and every filter back to showing all (the tree's node stays). */
  clearFilters(): void;
}

const NO_FILTER = { query: '', env: 'all', provider: 'all', status: 'all' } as const;

/** Whether anything but the tree's node narrows the table. */
export function isFiltered(f: Pick<FilterSlice, 'query' | 'env' | 'provider' | 'status'>): boolean {
  return f.query.trim() !== '' || f.env !== 'all' || f.provider !== 'all' || f.status !== 'all';
}

export const createFilterSlice: StateCreator<AppState, [], [], FilterSlice> = (set) => ({
  ...NO_FILTER,
  setQuery: (query) => set({ query }),
  setEnv: (env) => set({ env }),
  setProvider: (provider) => set({ provider }),
  setStatus: (status) => set({ status }),
  clearFilters: () => set({ ...NO_FILTER }),
});
