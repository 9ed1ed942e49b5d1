/**
 * The longest secret any call carries (a key pasted to add, check or rotate). No dependencies, so
 * the renderer can refuse a longer paste in its own words before sending it.
 */
export const MAX_SECRET_LENGTH = 4096;
