// An augmentation of a facade: moved by hand, so the facade stays.
export {};

declare module './core/manager_alias' {
  export interface ConnectionTag {
    label: string;
  }
}
