export type Other = number;
