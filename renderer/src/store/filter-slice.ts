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
}

export const createFilterSlice: StateCreator<AppState, [], [], FilterSlice> = (set) => ({
  query: '',
  env: 'all',
  provider: 'all',
  status: 'all',
  setQuery: (query) => set({ query }),
  setEnv: (env) => set({ env }),
  setProvider: (provider) => set({ provider }),
  setStatus: (status) => set({ status }),
});
