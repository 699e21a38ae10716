declare module 'date-kit' {
  export function format(date: Date, pattern: string): string;
  export function addDays(date: Date, days: number): Date;
}

declare module 'day-lib' {
  export function format(date: Date, pattern: string): string;
  export function addDays(date: Date, days: number): Date;
}
