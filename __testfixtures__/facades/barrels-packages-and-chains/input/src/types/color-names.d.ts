declare module 'color-names' {
  export const red: string;
  export const blue: string;
}
