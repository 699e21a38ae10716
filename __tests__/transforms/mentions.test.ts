// Mentions: the comments and strings that name a legacy module or export as code, one per
// place, shown on one line; an English word that happens to be a term is not a mention in prose.
import path from 'node:path';
import type { ASTNode } from 'jscodeshift';
import { findMentions } from '../../transforms/shared/mentions';
import { jscodeshiftFor, parseSyntax } from '../../src/engine/parsers';
import { TextEdits } from '../../src/phase-api/text-edits';
import type { FileContext } from '../../src/phase-api/define-phase';
import { loadConfig } from '../../src/config/load-config';
import { createProject } from '../../src/engine/project';
import { preparePhases, processText } from '../../src/engine/run-engine';
import { FIXTURES_ROOT } from '../helpers/phase-fixtures';

function contextOf(source: string): FileContext {
  const j = jscodeshiftFor('src/a.ts');
  // The phases read Babel's own tree, whose File node lists the comments.
  return { file: 'src/a.ts', source, j, root: j(parseSyntax('src/a.ts', source) as unknown as ASTNode), edits: new TextEdits(source), touched: [] };
}

const mentionsIn = (source: string, terms: readonly string[]) => findMentions(contextOf(source), terms, 'imports', new Set());

const lines = (...text: string[]): string => `${text.join('\n')}\n`;
const placesOf = (source: string, terms: readonly string[]) => mentionsIn(source, terms).map(({ line, where }) => [line, where]);

describe('findMentions: a term that is an English word', () => {
  it('is not a mention in prose', () => {
    const source = lines(
      '// Call the handler for each item, then flush.',
      '/**',
      ' * Runs once for each listener; each one may throw.',
      ' */',
      'export function run(items: string[]): string {',
      "  return items.length > 0 ? 'each item was seen' : `none of each`;",
      '}',
    );
    expect(mentionsIn(source, ['each'])).toEqual([]);
  });

  it.each([
    ['a call', '// Prefer each(items, fn) over a loop.'],
    ['a file name', '// Kept in sync with each.ts.'],
    ['a member', '// Same contract as Collection.each.'],
    ['a JSDoc instance member', '/** Mirrors Collection#each. */'],
    ['a path', "// Moved here from './utils/each'."],
    ['a folder path', '// See src/each/index for the old one.'],
    ['a code span', '// The `each` helper stops at the first false.'],
    ['a quoted name', "// Registered under the name 'each'."],
    ['a @see tag', '/**\n * Iterates.\n * @see each\n */'],
    ['a {@link} tag', '/** Like {@link each}, but async. */'],
    ['a comment that is the name alone', '// each'],
  ])('is a mention in %s', (_case, comment) => {
    expect(placesOf(lines(comment, 'export const x = 1;'), ['each'])).toEqual([[1, 'comment']]);
  });

  it('is a mention in a test title that names the function, not in one that uses the word', () => {
    const source = lines("describe('each', () => {", "  it('calls the callback for each element', () => {});", "  it('each() stops on false', () => {});", '});');
    expect(placesOf(source, ['each'])).toEqual([
      [1, 'string'],
      [3, 'string'],
    ]);
  });

  it('is a mention in a template literal that calls it', () => {
    const source = lines('const help = `use each(list, fn) or forEach`;', 'const prose = `for each row`;');
    expect(placesOf(source, ['each'])).toEqual([[1, 'string']]);
  });

  it('does not take a longer identifier or a hyphenated name for the term', () => {
    expect(placesOf(lines('// forEach(items) and eachSeries(items) are not it, nor ./each-series.'), ['each'])).toEqual([]);
  });

  it('is not a mention in a web address', () => {
    const source = lines('// Works around https://github.com/nodejs/node/issues/56717 until Node fixes it.');
    expect(placesOf(source, ['node'])).toEqual([]);
    expect(placesOf(source.replace('until', 'with node.ts until'), ['node'])).toEqual([[1, 'comment']]);
  });
});

describe('findMentions: a term that is an identifier', () => {
  it.each([
    ['camelCase', 'getWebSocketManager', '// Callers used to go through getWebSocketManager before the move.'],
    ['an underscore', 'websocket_manager', '// Migrated away from websocket_manager in the previous release.'],
    ['a digit', 'base64', '// Encoded the base64 way, as before.'],
    ['a slash', 'lib/websocket_manager', "const message = 'see lib/websocket_manager for the old API';"],
  ])('with %s is a mention wherever it stands', (_case, term, line) => {
    expect(placesOf(lines(line), [term])).toHaveLength(1);
  });

  it('is a mention in a web address that links to the legacy file', () => {
    expect(placesOf(lines('// Was https://github.com/acme/app/blob/main/lib/websocket_manager.ts'), ['websocket_manager'])).toEqual([[1, 'comment']]);
  });

  it('is not a mention inside a longer identifier', () => {
    expect(placesOf(lines('// websocket_manager_metrics is another module.'), ['websocket_manager'])).toEqual([]);
  });

  it('leaves out the string literals that are code (module specifiers)', () => {
    const source = lines("import { x } from './websocket_manager';", "const note = 'was ./websocket_manager';");
    const file = contextOf(source);
    const specifiers = new Set<ASTNode>(
      file.root
        .find(file.j.ImportDeclaration)
        .nodes()
        .map((node) => node.source),
    );
    expect(findMentions(file, ['websocket_manager'], 'imports', specifiers).map(({ line }) => line)).toEqual([2]);
  });
});

describe('findMentions: the mention', () => {
  it('shows a multi-line comment on one line, without its JSDoc stars', () => {
    const source = lines('/**', ' * The old manager.', ' *', ' * @deprecated use the unified one;', ' *   see {@link getWebSocketManager}.', ' */', 'export {};');
    expect(mentionsIn(source, ['getWebSocketManager'])).toEqual([
      { phase: 'imports', file: 'src/a.ts', line: 1, column: 1, where: 'comment', text: 'The old manager. @deprecated use the unified one; see {@link getWebSocketManager}.' },
    ]);
  });

  it('keeps the term in view when the text is too long to show whole', () => {
    const prose = 'This paragraph explains at length why the connection pool is shared between tenants and';
    const source = lines(`// ${prose} how the old accessor, getWebSocketManager, handed out one manager per user, ${prose}.`);
    const [mention] = mentionsIn(source, ['getWebSocketManager']);
    expect(mention!.text).toContain('getWebSocketManager');
    expect(mention!.text.length).toBeLessThanOrEqual(120);
    expect(mention!.text.startsWith('…')).toBe(true);
    expect(mention!.text.endsWith('…')).toBe(true);
  });

  it('is listed once for a comment that names two terms', () => {
    expect(placesOf(lines('// getWebSocketManager lived in websocket_manager.ts.'), ['getWebSocketManager', 'websocket_manager'])).toEqual([[1, 'comment']]);
  });
});

describe('mentions of a scan', () => {
  it('lists a place once when several phases read it', () => {
    const repoRoot = path.join(FIXTURES_ROOT, 'imports');
    const { config } = loadConfig(repoRoot);
    const project = createProject({ repoRoot, config });
    const phases = preparePhases(project, ['imports', 'facades']);
    // manager_alias is both a configured legacy module and a facade: both phases read the file.
    const text = lines(
      "import { WebSocketConnectionManager } from './lib/manager_alias';",
      '// Migrated away from ./lib/manager_alias.',
      "export const note = 'see lib/manager_alias';",
      'export { WebSocketConnectionManager };',
    );
    const mentions = processText('mention.ts', text, phases, 'scan').file?.mentions ?? [];
    expect(mentions.map(({ line, where }) => [line, where])).toEqual([
      [2, 'comment'],
      [3, 'string'],
    ]);
  });
});

describe('findMentions: where the strings are', () => {
  it('finds a string deep inside functions, classes and templates, and none elsewhere', () => {
    const source = lines(
      'export class Panel {',
      '  render(): string {',
      '    const pick = (flag: boolean) => (flag ? { label: "see legacy/store" } : `fallback`);',
      '    return [1, 2].map(() => `${pick(true).label} and legacy/store again`).join();',
      '  }',
      '}',
      "export const unrelated = 'store';",
    );
    expect(placesOf(source, ['legacy/store'])).toEqual([
      [3, 'string'],
      [4, 'string'],
    ]);
  });
});

describe('findMentions: strings the text spells otherwise', () => {
  const tsx = (source: string): FileContext => {
    const j = jscodeshiftFor('src/a.tsx');
    return { file: 'src/a.tsx', source, j, root: j(parseSyntax('src/a.tsx', source) as unknown as ASTNode), edits: new TextEdits(source), touched: [] };
  };

  it('finds a string in a parameter decorator, which stands before the parameter it decorates', () => {
    const source = lines('export class Panel {', "  constructor(@Inject('legacy/store') store: unknown) {}", '}');
    expect(placesOf(source, ['legacy/store'])).toEqual([[2, 'string']]);
  });

  it('finds a term written with escapes, a line continuation or a JSX entity', () => {
    const source = lines('// Moved out of legacy/store.', "export const a = 'legacy\\u002fstore';", "export const b = 'legacy/\\", "store';", 'export const c = <Link title="legacy&#47;store" />;');
    expect(findMentions(tsx(source), ['legacy/store'], 'imports', new Set()).map(({ line, where }) => [line, where])).toEqual([
      [1, 'comment'],
      [2, 'string'],
      [3, 'string'],
      [5, 'string'],
    ]);
  });
});
