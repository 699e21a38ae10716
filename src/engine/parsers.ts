// One parser per file kind. jscodeshift's own `tsx` parser fails on `.d.ts` files and its
// `babel` parser assumes Flow, so the options are chosen here from the extension.
import type * as BabelParser from '@babel/parser';
import type { ParserOptions, ParserPlugin } from '@babel/parser';
import jscodeshift, { type JSCodeshift } from 'jscodeshift';
import { packageRequire } from './package-require.js';

// Required, not imported: an ES module import of @babel/parser (530 KB of CommonJS) has Node lex
// all of it for its export names first, 90 ms of every run that parses.
const { parse: babelParse } = packageRequire('@babel/parser') as typeof BabelParser;

const PROPOSALS: ParserPlugin[] = [
  'decorators-legacy',
  'decoratorAutoAccessors',
  'classProperties',
  'classPrivateProperties',
  'classPrivateMethods',
  'explicitResourceManagement',
  'importAttributes',
  'exportDefaultFrom',
];

type FileKind = 'ts' | 'tsx' | 'dts' | 'js' | 'cjs';

/** Babel's File node: the tree the built-in phases read. */
export type SyntaxTree = ReturnType<typeof babelParse>;

/** How a file parses, from its name: two names of one kind parse a text to the same tree. */
export function fileKindOf(file: string): FileKind {
  if (/\.d\.[cm]?ts$/.test(file)) return 'dts';
  if (file.endsWith('.tsx')) return 'tsx';
  if (/\.[cm]?ts$/.test(file)) return 'ts';
  if (file.endsWith('.cjs')) return 'cjs';
  return 'js';
}

function optionsFor(kind: FileKind): ParserOptions {
  const plugins: ParserPlugin[] = [...PROPOSALS];
  if (kind === 'ts') plugins.push('typescript');
  if (kind === 'dts') plugins.push(['typescript', { dts: true }]);
  if (kind === 'tsx') plugins.push('typescript', 'jsx');
  if (kind === 'js' || kind === 'cjs') plugins.push('jsx');
  return {
    sourceType: kind === 'cjs' ? 'script' : 'module',
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowNewTargetOutsideFunction: true,
    allowUndeclaredExports: true,
    errorRecovery: false,
    startLine: 1,
    tokens: true,
    plugins,
  };
}

/**
 * The bare Babel tree for `file`'s kind: the tree the built-in phases read and edit by text
 * range. No tokens, and comments only in the File's `comments` list, which is where every
 * reader looks: attaching them to nodes as well costs a tenth of the parse.
 */
export function parseSyntax(file: string, text: string): SyntaxTree {
  return babelParse(text, { ...optionsFor(fileKindOf(file)), tokens: false, attachComment: false });
}

const cache = new Map<FileKind, JSCodeshift>();

/** The jscodeshift API bound to the right parser for `file`'s extension. */
export function jscodeshiftFor(file: string): JSCodeshift {
  const kind = fileKindOf(file);
  let api = cache.get(kind);
  if (!api) {
    const options = optionsFor(kind);
    api = jscodeshift.withParser({ parse: (source: string) => babelParse(source, options) });
    cache.set(kind, api);
  }
  return api;
}
