// An import of a wrapper nothing calls: it goes.

export const ready = true;
