import type { Other } from '../src/types';

export const other: Other = 1;
