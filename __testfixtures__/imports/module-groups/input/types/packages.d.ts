// The packages are not installed here. The bundler maps lodash to lodash-es: one module.
declare module 'lodash-es' {
  export function throttle<T extends (...args: never[]) => unknown>(run: T, wait: number): T;
  export function chunk<T>(items: T[], size: number): T[][];
}
declare module 'lodash-es/debounce' {
  export default function debounce<T extends (...args: never[]) => unknown>(run: T, wait: number): T;
}
declare module 'lodash' {
  export function throttle<T extends (...args: never[]) => unknown>(run: T, wait: number): T;
}
declare module '@acme/timing' {
  export function throttle<T extends (...args: never[]) => unknown>(run: T, wait: number): T;
}
declare module '@acme/timing/debounce' {
  export default function debounce<T extends (...args: never[]) => unknown>(run: T, wait: number): T;
}
