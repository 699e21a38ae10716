// The file kinds the toolkit reads and how module specifiers name them, in one place.

/** Source files the engine parses. */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

/**
 * Component files other modules import (`import Button from './Button.vue'`) whose code sits in
 * blocks: the engine reads the code of `.vue`, `.svelte` and `.astro` files and the ESM of `.mdx`
 * files (see src/engine/embedded-scripts.ts).
 */
export const EMBEDDED_EXTENSIONS = ['.vue', '.svelte', '.astro', '.mdx'] as const;

/**
 * A component or MDX file, or one of its code blocks as the engine names them (`Button.vue.ts`,
 * `guide.mdx.1.jsx`): markup around the code may use its bindings where no phase looks.
 */
export function hasMarkup(file: string): boolean {
  return /\.(?:vue|svelte|astro|mdx)(?:\.\d+)?(?:\.[jt]sx?)?$/.test(file);
}

/** Every file kind a scan takes from the config's `include`. */
export const IN_SCOPE_EXTENSIONS = [...SOURCE_EXTENSIONS, ...EMBEDDED_EXTENSIONS] as const;

/** What a module path may resolve to, in TypeScript's order of preference. */
export const RESOLVABLE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs', '.cjs'] as const;

/** A source extension at the end of a path, `.d.ts` included. */
export const EXTENSION_AT_END = /(\.d)?\.[cm]?[jt]sx?$/;

/** A repo file that is a module of the migration: a source file or a component file. */
export function isModuleFile(file: string): boolean {
  return EXTENSION_AT_END.test(file) || EMBEDDED_EXTENSIONS.some((extension) => file.endsWith(extension));
}

export function stripExtension(file: string): string {
  return file.replace(EXTENSION_AT_END, '');
}

/** `index.ts`, `index.d.ts`, `index.mjs`…, which a folder specifier names. */
export function isIndexFile(file: string): boolean {
  return /(^|\/)index$/.test(stripExtension(file));
}
