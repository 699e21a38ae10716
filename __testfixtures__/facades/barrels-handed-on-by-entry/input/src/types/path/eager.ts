export type PathString = string;
export type Hidden = 1;
