import { create } from 'zustand';
import { createFilterSlice, type FilterSlice } from './filter-slice.js';
import { createRotationSlice, type RotationSlice } from './rotation-slice.js';
import { createTeamSlice, type TeamSlice } from './team-slice.js';
import { createUiSlice, type UiSlice } from './ui-slice.js';
import { createVaultSlice, type VaultSlice } from './vault-slice.js';

/** The app's state, in slices. No slice holds a secret: a revealed key lives in its component only. */
export type AppState = VaultSlice & FilterSlice & UiSlice & RotationSlice & TeamSlice;

export const useApp = create<AppState>()((...a) => ({
  ...createVaultSlice(...a),
  ...createFilterSlice(...a),
  ...createUiSlice(...a),
  ...createRotationSlice(...a),
  ...createTeamSlice(...a),
}));
