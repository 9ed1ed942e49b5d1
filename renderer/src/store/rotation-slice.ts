import type { StateCreator } from 'zustand';
import type { AppState } from './store.js';

export interface RotationSlice {
  /**
   * Interrupted rotations whose banner line the person dismissed, for this session: the line does
   * not come back each time the vault is read again. The rotation stays resumable from its key's detail.
   */
  dismissedRotations: string[];
  dismissRotation(rotationId: string): void;
}

export const createRotationSlice: StateCreator<AppState, [], [], RotationSlice> = (set) => ({
  dismissedRotations: [],
  dismissRotation: (rotationId) => set((s) => (s.dismissedRotations.includes(rotationId) ? s : { dismissedRotations: [...s.dismissedRotations, rotationId] })),
});
