// The one TypeScript the tool runs: the compiler ts-morph ships, so the type-aware phases and the
// type-check gate can never disagree. The gate loads it on first need (0.3 s), not at startup.
import type * as TsMorph from 'ts-morph';

export type TypeScript = typeof TsMorph.ts;

let loaded: TypeScript | undefined;

export async function loadTypeScript(): Promise<TypeScript> {
  loaded ??= (await import('ts-morph')).ts;
  return loaded;
}
