import type { Toast } from '../store/ui-slice.js';

/** How long a toast stays (milliseconds) while the pointer and the focus are elsewhere; an error a little longer, to be read. */
export const TOAST_MS: Record<Toast['tone'], number> = { info: 6000, success: 6000, error: 10000 };
