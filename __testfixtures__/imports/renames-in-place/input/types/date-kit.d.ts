declare module 'date-kit' {
  export function format(date: Date): string;
  export function addDays(date: Date, days: number): Date;
  export function asDate(value: number): Date;
  export function isValid(date: Date): boolean;
  const dateKit: { format(date: Date): string };
  export default dateKit;
}

declare module 'date-kit/parse' {
  export function parseISO(text: string): Date;
}
