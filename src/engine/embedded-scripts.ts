// Finds the code inside component files that are not JavaScript themselves: the top-level
// `<script>` blocks of Vue and Svelte files, the frontmatter and bundled scripts of Astro files,
// the import and export paragraphs of MDX files, each with its offsets in the file, so the phases can read and rewrite that code and leave the
// rest alone. A small scanner rather than an HTML parser: it needs little of the markup, and it
// must skip comments, quoted and `{…}` attribute values, expressions and raw text (a `<script>`
// inside `<style>`, inside a comment or, in Vue and Svelte, inside markup is not a block).
import { EMBEDDED_EXTENSIONS } from '../shared/file-extensions.js';
import { escapeRegExp } from '../shared/term-search.js';
import { parseSyntax } from './parsers.js';

export type EmbeddedKind = 'vue' | 'svelte' | 'astro' | 'mdx';

/** The language of a block's code, which names the parser the block is read with. */
export type ScriptLanguage = 'ts' | 'tsx' | 'js' | 'jsx';

export interface ScriptBlock {
  /** Offset of the block's first character: right after the opening tag's `>` (or the frontmatter's opening `---` line). */
  start: number;
  /** Offset just past the block's last character: where `</script` (or the closing `---`) begins. */
  end: number;
  language: ScriptLanguage;
  /** 1-based line of `start` in the file. */
  line: number;
  /** 0-based column of `start` on that line. */
  column: number;
}

/** The blocks of a file, or why the file's code cannot be read. */
export type EmbeddedScripts = { blocks: ScriptBlock[] } | { problem: string };

export function embeddedKindOf(file: string): EmbeddedKind | undefined {
  const extension = EMBEDDED_EXTENSIONS.find((candidate) => file.endsWith(candidate));
  return extension ? (extension.slice(1) as EmbeddedKind) : undefined;
}

/** The code blocks of a file of `kind`, in file order. */
export function findScriptBlocks(text: string, kind: EmbeddedKind): EmbeddedScripts {
  if (kind === 'mdx') return mdxScripts(text);
  if (kind === 'astro') return astroScripts(text);
  return topLevelScripts(text, kind);
}

/**
 * The code of an MDX file: its ESM, the paragraphs that start with `import ` or `export ` at the
 * start of a line, outside the YAML frontmatter and fenced code, where they would not continue a
 * paragraph of text (after a blank line, a heading, a closing fence, a JSX line). Like MDX, a
 * paragraph of ESM runs on across blank lines until its code is complete (`export const meta = {`,
 * a template literal). The Markdown and its JSX are not code here: a component used only there
 * looks unused to a phase.
 */
function mdxScripts(text: string): EmbeddedScripts {
  const blocks: ScriptBlock[] = [];
  const lines = [...text.matchAll(/[^\n]*(?:\n|$)/g)].map((match) => ({ start: match.index, text: match[0] })).filter((line) => line.text !== '');
  const contentOf = (at: number): string => lines[at]!.text.replace(/\r?\n$/, '');
  let index = 0;
  const frontmatter = /^(?:\uFEFF)?---[ \t]*\r?\n$/.test(lines[0]?.text ?? '');
  if (frontmatter) {
    const close = lines.findIndex((line, at) => at > 0 && /^---[ \t]*\r?\n?$/.test(line.text));
    if (close === -1) return { problem: 'its frontmatter has no closing ---: not parsed' };
    index = close + 1;
  }
  let fence: string | undefined;
  // Whether the line before is text that a line of ESM would continue (a paragraph), not follow.
  let inParagraph = false;
  while (index < lines.length) {
    const content = contentOf(index);
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(content);
    if (fence) {
      if (opening && opening[1]!.startsWith(fence) && content.trim() === opening[1]) fence = undefined;
      inParagraph = false;
    } else if (opening) {
      fence = opening[1]!;
    } else if (!inParagraph && /^(?:import|export) /.test(content)) {
      const last = endOfEsm(text, lines, index);
      blocks.push(blockAt(text, lines[index]!.start, lines[last]!.start + contentOf(last).length, 'jsx'));
      index = last + 1;
      inParagraph = false;
      continue;
    } else {
      const trimmed = content.trim();
      // A heading, a thematic break or a line of JSX ends a paragraph; other text starts or continues one.
      inParagraph = trimmed !== '' && !/^(?:#{1,6}(?:\s|$)|<|\{)/.test(trimmed) && !/^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/.test(trimmed) && !/[>}]$/.test(trimmed);
    }
    index++;
  }
  return { blocks };
}

/** The last line of the ESM paragraph starting at `first`: the first blank line where the code so far parses ends it. */
function endOfEsm(text: string, lines: ReadonlyArray<{ start: number; text: string }>, first: number): number {
  let firstBlank: number | undefined;
  // ESM that is still incomplete this far down is not going to be: the document is broken.
  const until = Math.min(lines.length, first + 400);
  for (let at = first + 1; at < until; at++) {
    if (lines[at]!.text.trim() !== '') continue;
    firstBlank ??= at;
    if (parses(text.slice(lines[first]!.start, lines[at]!.start))) return at - 1;
  }
  // Code that never parses is cut where a blank line first ends it; the block's own parse then says why.
  return firstBlank !== undefined && !parses(text.slice(lines[first]!.start)) ? firstBlank - 1 : lines.length - 1;
}

function parses(code: string): boolean {
  try {
    parseSyntax('block.jsx', code);
    return true;
  } catch {
    return false;
  }
}

/**
 * The code of an Astro file: the `---` fenced TypeScript at the top (only blank lines may come
 * before it), then each `<script>` of the markup that Astro bundles as a module, one without
 * attributes. Any attribute (`is:inline`, `type="module"`, `define:vars`, `src`) leaves the
 * script to the browser as written.
 */
function astroScripts(text: string): EmbeddedScripts {
  const blocks: ScriptBlock[] = [];
  let at = 0;
  const open = /^(?:\uFEFF)?(?:[ \t]*\r?\n)*---[ \t]*\r?\n/.exec(text);
  if (open) {
    const start = open[0].length;
    const found = /^---[ \t]*(?:\r?\n|$)/m.exec(text.slice(start));
    if (!found) return { problem: 'its frontmatter has no closing ---: not parsed' };
    blocks.push(blockAt(text, start, start + found.index, 'ts'));
    at = start + found.index + found[0].length;
  }
  // The markup is JSX-like: `{…}` expressions are skipped whole, and a script counts at any depth.
  while (at < text.length) {
    const next = nextMarkup(text, at, 'svelte');
    if (next === -1) break;
    if (text[next] === '{') {
      at = endOfBraces(text, next);
      continue;
    }
    if (text.startsWith('<!--', next)) {
      at = endOfComment(text, next);
      continue;
    }
    const tag = readOpeningTag(text, next, 'svelte');
    const name = tag?.name.toLowerCase();
    if (!tag || tag.selfClosing || !RAW_TEXT.has(name!)) {
      at = tag ? tag.end : next + 1;
      continue;
    }
    const close = closingTagAt(text, tag.end, name!);
    if (close === -1) return { problem: `its <${name}> opened at line ${lineOf(text, next)} is never closed: not parsed` };
    if (name === 'script' && tag.attributes.size === 0) blocks.push(blockAt(text, tag.end, close, 'ts'));
    at = text.indexOf('>', close) + 1 || text.length;
  }
  return { blocks };
}

/** Elements whose content is text, not markup: a `<script>` written inside one is not a tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
/** Elements that never have a closing tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

interface Tag {
  name: string;
  attributes: Map<string, string | true>;
  /** Offset just past the tag's `>`. */
  end: number;
  selfClosing: boolean;
}

function topLevelScripts(text: string, kind: 'vue' | 'svelte'): EmbeddedScripts {
  const blocks: ScriptBlock[] = [];
  let at = 0;
  while (at < text.length) {
    const next = nextMarkup(text, at, kind);
    if (next === -1) break;
    if (text[next] === '{') {
      at = endOfExpression(text, next, kind);
      continue;
    }
    if (text.startsWith('<!--', next)) {
      at = endOfComment(text, next);
      continue;
    }
    const tag = readOpeningTag(text, next, kind);
    if (!tag) {
      at = next + 1;
      continue;
    }
    if (tag.selfClosing || VOID.has(tag.name.toLowerCase())) {
      at = tag.end;
      continue;
    }
    const name = tag.name.toLowerCase();
    if (RAW_TEXT.has(name) || (kind === 'vue' && isVueRawBlock(name, tag))) {
      const close = closingTagAt(text, tag.end, name);
      if (close === -1) return { problem: `its <${name}> opened at line ${lineOf(text, next)} is never closed: not parsed` };
      if (name === 'script') {
        const language = languageOf(tag.attributes);
        if (language === undefined) return { problem: `its <script> at line ${lineOf(text, next)} is in a language the parser does not read (${describeLanguage(tag.attributes)}): not parsed` };
        // `<script src="…">` names a module of its own, read as that file.
        if (!tag.attributes.has('src')) blocks.push(blockAt(text, tag.end, close, language));
      }
      at = text.indexOf('>', close) + 1 || text.length;
      continue;
    }
    at = endOfElement(text, tag, kind);
  }
  return { blocks };
}

/**
 * Vue reads markup only in an HTML `<template>`: a custom block (`<i18n>`, `<docs>`) or a template
 * in another language (`lang="pug"`) is text to its closing tag, whatever it holds.
 */
function isVueRawBlock(name: string, tag: Tag): boolean {
  if (name !== 'template') return true;
  const lang = tag.attributes.get('lang');
  return typeof lang === 'string' && lang.toLowerCase() !== 'html';
}

/** Offset just past the element that `tag` opens: its own name counted in and out, comments and raw text skipped. */
function endOfElement(text: string, tag: Tag, kind: 'vue' | 'svelte'): number {
  const name = tag.name.toLowerCase();
  let depth = 1;
  let at = tag.end;
  while (at < text.length) {
    const next = nextMarkup(text, at, kind);
    if (next === -1) return text.length;
    if (text[next] === '{') {
      at = endOfExpression(text, next, kind);
      continue;
    }
    if (text.startsWith('<!--', next)) {
      at = endOfComment(text, next);
      continue;
    }
    if (text[next + 1] === '/') {
      const closing = /^<\/([A-Za-z][\w:.-]*)\s*>/.exec(text.slice(next, next + 200));
      if (closing && closing[1]!.toLowerCase() === name && --depth === 0) return next + closing[0].length;
      at = next + (closing ? closing[0].length : 2);
      continue;
    }
    const inner = readOpeningTag(text, next, kind);
    if (!inner) {
      at = next + 1;
      continue;
    }
    const innerName = inner.name.toLowerCase();
    if (!inner.selfClosing && RAW_TEXT.has(innerName) && innerName !== name) {
      const close = closingTagAt(text, inner.end, innerName);
      at = close === -1 ? text.length : text.indexOf('>', close) + 1 || text.length;
      continue;
    }
    if (innerName === name && !inner.selfClosing) depth++;
    at = inner.end;
  }
  return text.length;
}

/** The opening tag at `at` (`<name …>`), or undefined when what is there is not one. */
function readOpeningTag(text: string, at: number, kind: 'vue' | 'svelte'): Tag | undefined {
  const nameMatch = /^<([A-Za-z][\w:.-]*)(?=[\s/>])/.exec(text.slice(at, at + 200));
  if (!nameMatch) return undefined;
  const attributes = new Map<string, string | true>();
  let index = at + nameMatch[0].length;
  while (index < text.length) {
    while (/\s/.test(text[index] ?? '')) index++;
    const char = text[index];
    if (char === undefined) return undefined;
    if (char === '>') return { name: nameMatch[1]!, attributes, end: index + 1, selfClosing: false };
    if (char === '/' && text[index + 1] === '>') return { name: nameMatch[1]!, attributes, end: index + 2, selfClosing: true };
    if (char === '/') {
      index++;
      continue;
    }
    // Svelte spreads and shorthands: `{...props}`, `{value}`.
    if (char === '{' && kind === 'svelte') {
      index = endOfBraces(text, index);
      continue;
    }
    const nameStart = index;
    while (index < text.length && !/[\s=>/]/.test(text[index]!)) index++;
    const attributeName = text.slice(nameStart, index).toLowerCase();
    while (/\s/.test(text[index] ?? '')) index++;
    if (text[index] !== '=') {
      attributes.set(attributeName, true);
      continue;
    }
    index++;
    while (/\s/.test(text[index] ?? '')) index++;
    const quote = text[index];
    let value: string;
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, index + 1);
      if (close === -1) return undefined;
      value = text.slice(index + 1, close);
      index = close + 1;
    } else if (quote === '{' && kind === 'svelte') {
      const close = endOfBraces(text, index);
      value = text.slice(index, close);
      index = close;
    } else {
      const valueStart = index;
      while (index < text.length && !/[\s>]/.test(text[index]!)) index++;
      value = text.slice(valueStart, index);
    }
    attributes.set(attributeName, value);
  }
  return undefined;
}

/**
 * Where markup next needs a look from `at`: a `<`, or an expression that may hold one as text
 * (`{…}` in Svelte, `{{…}}` in Vue; a lone `{` is text in Vue). -1 when there is neither.
 */
function nextMarkup(text: string, at: number, kind: 'vue' | 'svelte'): number {
  const tag = text.indexOf('<', at);
  const expression = text.indexOf(kind === 'svelte' ? '{' : '{{', at);
  if (expression === -1) return tag;
  return tag === -1 ? expression : Math.min(tag, expression);
}

/** Offset just past the expression that opens at `at`. */
function endOfExpression(text: string, at: number, kind: 'vue' | 'svelte'): number {
  if (kind === 'svelte') return endOfBraces(text, at);
  const close = text.indexOf('}}', at + 2);
  return close === -1 ? text.length : close + 2;
}

/** Offset just past the `}` that closes the `{` at `at`, strings and nested braces skipped. */
function endOfBraces(text: string, at: number): number {
  let depth = 0;
  for (let index = at; index < text.length; index++) {
    const char = text[index]!;
    if (char === '"' || char === "'" || char === '`') {
      const close = endOfString(text, index);
      index = close - 1;
    } else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return index + 1;
  }
  return text.length;
}

function endOfString(text: string, at: number): number {
  const quote = text[at];
  for (let index = at + 1; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === quote) return index + 1;
  }
  return text.length;
}

function endOfComment(text: string, at: number): number {
  const close = text.indexOf('-->', at + 4);
  return close === -1 ? text.length : close + 3;
}

/** Where `</name` begins at or after `from` (raw text ends at the first one), or -1. */
function closingTagAt(text: string, from: number, name: string): number {
  const pattern = new RegExp(`</${escapeRegExp(name)}(?=[\\s/>])`, 'gi');
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? -1;
}

/** The language of a `<script>`'s code from its `lang` or `type`, undefined for one the parser does not read. */
function languageOf(attributes: Map<string, string | true>): ScriptLanguage | undefined {
  const lang = attributes.get('lang');
  if (typeof lang === 'string') {
    const value = lang.trim().toLowerCase();
    if (value === 'ts' || value === 'typescript') return 'ts';
    if (value === 'tsx' || value === 'jsx') return value;
    if (value === 'js' || value === 'javascript' || value === '') return 'js';
    return undefined;
  }
  const type = attributes.get('type');
  if (typeof type === 'string') {
    const value = type.trim().toLowerCase();
    if (value === 'text/typescript' || value === 'ts' || value === 'typescript') return 'ts';
    if (value === '' || value === 'module' || value === 'text/javascript' || value === 'application/javascript') return 'js';
    return undefined;
  }
  return 'js';
}

function describeLanguage(attributes: Map<string, string | true>): string {
  const lang = attributes.get('lang');
  return typeof lang === 'string' ? `lang="${lang}"` : `type="${String(attributes.get('type'))}"`;
}

function blockAt(text: string, start: number, end: number, language: ScriptLanguage): ScriptBlock {
  const before = text.slice(0, start);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { start, end, language, line: lineOf(text, start), column: start - lineStart };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/** One code block as the phases see it: a module named after the file and its language. */
export interface EmbeddedModule {
  /** `Button.vue.ts`; with more than one block, numbered in file order: `Button.vue.1.ts`, `Button.vue.2.ts`. */
  name: string;
  block: ScriptBlock;
  code: string;
}

/**
 * The code blocks of a component file as modules. The name keeps the file's folder, so the
 * block's imports resolve as the file's do, and ends in the extension of the block's language,
 * which chooses its parser.
 */
export function embeddedModules(file: string, text: string, kind: EmbeddedKind): { modules: EmbeddedModule[] } | { problem: string } {
  const scripts = findScriptBlocks(text, kind);
  if ('problem' in scripts) return scripts;
  const numbered = scripts.blocks.length > 1;
  return {
    modules: scripts.blocks.map((block, index) => ({
      name: `${file}.${numbered ? `${index + 1}.` : ''}${block.language}`,
      block,
      code: text.slice(block.start, block.end),
    })),
  };
}

/**
 * A file's code as one module for readers that look across files (who imports what, what a
 * module exports): the code blocks kept in place and everything else blanked to spaces, so
 * offsets, lines and columns are the file's own, and the component's default export after the
 * end. `parseAs` names the parser (the blocks' language). Undefined for a file whose code is not
 * read; a source file is its own view.
 */
export function moduleView(file: string, text: string): { code: string; parseAs: string } | undefined {
  const kind = embeddedKindOf(file);
  if (!kind) return { code: text, parseAs: file };
  const scripts = findScriptBlocks(text, kind);
  if ('problem' in scripts) return undefined;
  let code = '';
  let at = 0;
  for (const block of scripts.blocks) {
    code += blank(text.slice(at, block.start)) + text.slice(block.start, block.end);
    at = block.end;
  }
  code += blank(text.slice(at));
  // A component is its module's default export, which Vue's <script setup>, Svelte and Astro do
  // not write: it is added past the end of the file, where every offset before it stays the same.
  if (!scripts.blocks.some((block) => /\bexport\s+default\b/.test(text.slice(block.start, block.end)))) code += '\n;export default function () {}\n';
  const languages = new Set(scripts.blocks.map((block) => block.language));
  const language = languages.has('tsx') || (languages.has('ts') && languages.has('jsx')) ? 'tsx' : languages.has('ts') ? 'ts' : languages.has('jsx') ? 'jsx' : 'js';
  return { code, parseAs: `${file}.${language}` };
}

/** Spaces in place of everything but line breaks. */
function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}
