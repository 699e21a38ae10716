// The files TypeScript has parsed in one gate run, shared by every program that reads the same
// text under the same parse-affecting options: the standard library (2 MB with the DOM) is parsed
// and bound once for all the projects of a monorepo, and a package's sources once for every
// project that reaches them. TypeScript's language service shares its SourceFiles the same way
// (its document registry, whose bucket key is used here): a SourceFile carries its binding, and
// the binding depends only on those options.
import type { ts } from 'ts-morph';
import type { TypeScript } from './typescript.js';

export class ParsedSourceFiles {
  private readonly files = new Map<string, ts.SourceFile>();
  private readonly settingsKey: (options: ts.CompilerOptions) => string;

  constructor(private readonly typescript: TypeScript) {
    const registry = typescript.createDocumentRegistry();
    this.settingsKey = (options) => registry.getKeyForCompilationSettings(options);
  }

  /** The SourceFile of `text` at `fileName` for a program with `options`, parsed on first need. */
  sourceFile(fileName: string, text: string, languageVersionOrOptions: ts.ScriptTarget | ts.CreateSourceFileOptions, options: ts.CompilerOptions): ts.SourceFile {
    const parse = typeof languageVersionOrOptions === 'object' ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions };
    const key = [this.settingsKey(options), parse.languageVersion, parse.impliedNodeFormat ?? '', parse.jsDocParsingMode ?? '', fileName].join('\0');
    const known = this.files.get(key);
    // The text is compared, not trusted: a path may stand for an old text in one program and a new one in the next.
    if (known?.text === text) return known;
    const sourceFile = this.typescript.createSourceFile(fileName, text, languageVersionOrOptions);
    this.files.set(key, sourceFile);
    return sourceFile;
  }
}
