// The packages are not installed here: every spelling the sources use is declared.
declare module 'date-lib/format.js' {
  export function formatDate(date: Date): string;
  export function parseDate(text: string): Date;
}
declare module 'date-lib/format' {
  export function formatDate(date: Date): string;
}
declare module 'date-lib/print.js' {
  export function printDate(date: Date): string;
}
declare module 'date-lib/print' {
  export function printDate(date: Date): string;
}
declare module '@acme/kit/legacy/button.js' {
  export function renderButton(label: string): string;
}
declare module '@acme/kit/button.mjs' {
  export function renderButton(label: string): string;
}
declare module 'chart.js/dist/chart' {
  export class Chart {}
}
declare module 'chart.js/auto' {
  export class Chart {}
}
