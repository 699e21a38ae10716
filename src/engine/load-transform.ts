// Loads a user's jscodeshift transform module as jscodeshift's Worker does: the transform is the
// module's default export when that is a function, else the module itself; a `parser` export
// comes with it. A repo file or an installed package; TypeScript files are transpiled first.
import fs from 'node:fs';
import { Module } from 'node:module';
import path from 'node:path';
import type * as TsMorph from 'ts-morph';
import type { Parser } from 'jscodeshift';
import { SsotError } from '../errors.js';

export interface TransformApi {
  j: unknown;
  jscodeshift: unknown;
  stats: (name: string, quantity?: number) => void;
  report: (message: string) => void;
}

export type JscodeshiftTransform = (fileInfo: { path: string; source: string }, api: TransformApi, options: Record<string, unknown>) => unknown;

export interface LoadedTransform {
  transform: JscodeshiftTransform;
  /** The module's own `parser` export: a jscodeshift parser name or a parser object. */
  parser: string | Parser | undefined;
  /** The module's file, absolute. */
  file: string;
}

type NodeModule = {
  new (id: string, parent?: unknown): CompiledModule;
  _nodeModulePaths(folder: string): string[];
  _resolveFilename(request: string, parent: CompiledModule): string;
  _extensions: Record<string, ((module: CompiledModule, file: string) => void) | undefined>;
};
type CompiledModule = { filename: string; paths: string[]; exports: unknown; require(id: string): unknown; _compile(code: string, file: string): void };

// Node's module system through its Module class: under jest, `createRequire` would hand back
// jest's registry, but a Module's own `require` is Node's, so a user's module loads as `node`
// would load it.
const nodeModule = Module as unknown as NodeModule;

/** A module standing at `file`, whose `require` resolves and loads from there. */
function moduleAt(file: string): CompiledModule {
  const module = new nodeModule(file);
  module.filename = file;
  module.paths = nodeModule._nodeModulePaths(path.dirname(file));
  return module;
}

const TYPESCRIPT_FILE = /\.(?:[cm]?ts|tsx)$/;

/** Whether loading this module needs TypeScript (see loadTranspiler). */
export function needsTranspiler(specifier: string): boolean {
  return TYPESCRIPT_FILE.test(specifier);
}

// The TypeScript ts-morph ships (0.3 s to load): only for runs with a .ts transform. An ES module
// cannot require it synchronously, so such a run loads it first; under CommonJS (the tests)
// `require` works without that.
let typeScript: typeof TsMorph.ts | undefined;

export async function loadTranspiler(): Promise<void> {
  typeScript ??= (await import('ts-morph')).ts;
}

function transpiler(): typeof TsMorph.ts {
  // Tests run the sources as CommonJS, where a transform may load before loadTranspiler() ran.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  typeScript ??= typeof require === 'function' ? (require('ts-morph') as typeof TsMorph).ts : undefined;
  if (!typeScript) throw new Error('a TypeScript transform was loaded before loadTranspiler()');
  return typeScript;
}

/**
 * Loads the transform named by `transforms[index].module` of the config. Throws a
 * TRANSFORM_UNLOADABLE error naming that field when it cannot be found, fails while loading or
 * exports no function.
 */
export function loadTransform(repoRoot: string, specifier: string, index: number): LoadedTransform {
  const field = `transforms[${index}].module`;
  const file = resolveModule(repoRoot, specifier, field);
  let exported: unknown;
  try {
    exported = TYPESCRIPT_FILE.test(file) ? requireTypeScript(file) : moduleAt(file).require(file);
  } catch (error) {
    throw new SsotError('TRANSFORM_UNLOADABLE', `${field}: "${specifier}" failed to load (${firstLine(error)})`);
  }
  const namespace = (exported ?? {}) as { default?: unknown; parser?: unknown };
  const transform = typeof namespace.default === 'function' ? namespace.default : exported;
  if (typeof transform !== 'function') {
    throw new SsotError('TRANSFORM_UNLOADABLE', `${field}: "${specifier}" exports no transform function (module.exports or export default); it exports ${describeExports(exported)}`);
  }
  const parser = namespace.parser;
  if (parser !== undefined && typeof parser !== 'string' && typeof (parser as { parse?: unknown }).parse !== 'function') {
    throw new SsotError('TRANSFORM_UNLOADABLE', `${field}: "${specifier}" exports a \`parser\` that is neither a parser name nor an object with parse()`);
  }
  return { transform: transform as JscodeshiftTransform, parser: parser as string | Parser | undefined, file };
}

/** A path (relative to the repo root) or a package specifier, resolved from the repo as Node would. */
function resolveModule(repoRoot: string, specifier: string, field: string): string {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    const file = path.resolve(repoRoot, specifier);
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
      throw new SsotError('TRANSFORM_UNLOADABLE', `${field}: "${specifier}" is not a file (looked for ${file})`);
    }
    return file;
  }
  try {
    return nodeModule._resolveFilename(specifier, moduleAt(path.join(repoRoot, 'package.json')));
  } catch {
    throw new SsotError('TRANSFORM_UNLOADABLE', `${field}: "${specifier}" is neither a repo file (write it as "./${specifier}") nor a package installed in the repo`);
  }
}

/**
 * A TypeScript module transpiled to CommonJS and compiled in place, so its relative imports and
 * packages resolve from where it lives. TypeScript files it imports load the same way while it loads.
 */
function requireTypeScript(file: string): unknown {
  const ts = transpiler();
  const transpile = (source: string, fileName: string): string =>
    ts.transpileModule(source, {
      fileName,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, jsx: ts.JsxEmit.React, inlineSourceMap: true },
    }).outputText;
  const added = ['.ts', '.cts', '.mts', '.tsx'].filter((extension) => nodeModule._extensions[extension] === undefined);
  for (const extension of added) {
    nodeModule._extensions[extension] = (module, fileName) => module._compile(transpile(fs.readFileSync(fileName, 'utf8'), fileName), fileName);
  }
  try {
    const module = moduleAt(file);
    module._compile(transpile(fs.readFileSync(file, 'utf8'), file), file);
    return module.exports;
  } finally {
    for (const extension of added) delete nodeModule._extensions[extension];
  }
}

function describeExports(exported: unknown): string {
  if (exported === null || typeof exported !== 'object') return String(exported === undefined ? 'nothing' : typeof exported);
  const keys = Object.keys(exported);
  return keys.length === 0 ? 'an empty object' : `an object with ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}`;
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}
