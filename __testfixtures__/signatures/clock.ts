export interface TimerOptions {
  ms: number;
  label?: string;
}

export class Timer {
  constructor(_ms: number | TimerOptions, _label?: string) {}
}

export class Stopwatch {
  start(): void {}
}

/** Where older releases kept the stopwatch. */
export const legacy = { Stopwatch };

export function stopwatch(): Stopwatch {
  return new Stopwatch();
}

export interface Decimal {
  constants: { Zero: Decimal };
  zero(): Decimal;
}

export interface Bag {
  readonly length: number;
  size(): number;
  getCount(): number;
  readonly count: number;
}

export interface Fetcher {
  load(): Promise<string>;
  request(): Promise<{ body: string }>;
}
