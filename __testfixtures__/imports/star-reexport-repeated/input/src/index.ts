// The public surface: rxjs now hands on its operators itself.
export * from 'rxjs';
// Operators, from before they moved.
export * from 'rxjs/operators';
export type * from 'rxjs/operators';
export const version = 1;
