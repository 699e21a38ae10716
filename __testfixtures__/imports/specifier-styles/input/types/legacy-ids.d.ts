declare module 'legacy-ids' {
  export function uuid(): string;
}
