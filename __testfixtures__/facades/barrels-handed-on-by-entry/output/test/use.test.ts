import type { Other } from '../src/types/other';

export const other: Other = 1;
