// A file is parsed once per run: the tree a phase's preparation made of a file is the one the
// engine's visit of that file reads.
import * as parsers from '../../src/engine/parsers';
import { SyntaxTreeCache } from '../../src/engine/syntax-tree-cache';
import { openRepo } from '../../src/cli/repo-context';
import { createProject, syntaxTreesOf } from '../../src/engine/project';
import { runEngine } from '../../src/engine/run-engine';
import { makeRepo, smallRepoFiles, type TempRepo } from '../helpers/cli-repo';

describe('SyntaxTreeCache', () => {
  const text = 'export const a = 1;\n';

  it('hands the visit the tree a preparation parsed, once', () => {
    const trees = new SyntaxTreeCache();
    const prepared = trees.parse('src/a.ts', text);
    expect(trees.parse('src/other-name.ts', text)).toBe(prepared);
    expect(trees.take('src/a.ts', text)).toBe(prepared);
    // Given up: the next visit parses afresh (the first may have been the last reader).
    expect(trees.take('src/a.ts', text)).not.toBe(prepared);
  });

  it('does not share a tree between file kinds', () => {
    // `<T>(x: T) => x` is a generic arrow in .ts and a JSX element in .tsx.
    const code = 'export const f = <T,>(x: T) => x;\n';
    const trees = new SyntaxTreeCache();
    const asTs = trees.parse('src/f.ts', code);
    expect(trees.take('src/f.tsx', code)).not.toBe(asTs);
    expect(trees.take('src/f.ts', code)).toBe(asTs);
  });

  it('keeps no more source than its budget', () => {
    const trees = new SyntaxTreeCache(text.length);
    const first = trees.parse('src/a.ts', text);
    const second = trees.parse('src/b.ts', 'export const b = 2;\n');
    expect(trees.take('src/a.ts', text)).toBe(first);
    expect(trees.take('src/b.ts', 'export const b = 2;\n')).not.toBe(second);
  });

  it('throws as the parser does, and keeps nothing of a text that does not parse', () => {
    const trees = new SyntaxTreeCache();
    expect(() => trees.parse('src/bad.ts', 'export const = ;\n')).toThrow();
    expect(() => trees.take('src/bad.ts', 'export const = ;\n')).toThrow();
  });
});

describe('a run parses each file once', () => {
  let repo: TempRepo;
  afterEach(() => {
    repo.remove();
    jest.restoreAllMocks();
  });

  it('when the facades phase read the consumers while preparing', () => {
    repo = makeRepo({
      ...smallRepoFiles(),
      'src/a.ts': "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n",
      'src/b.ts': "import { WebSocketManager } from './websocket_manager';\nexport const b = WebSocketManager;\n",
    });
    const parsedTexts: string[] = [];
    const parse = parsers.parseSyntax;
    jest.spyOn(parsers, 'parseSyntax').mockImplementation((file, text) => (parsedTexts.push(text), parse(file, text)));
    const { repoRoot, config } = openRepo({ repo: repo.root }, repo.root);
    const result = runEngine({ repoRoot, config, command: 'scan', phases: ['imports', 'facades'] });

    expect(result.files.map((file) => file.file)).toEqual(expect.arrayContaining(['src/a.ts', 'src/b.ts']));
    const consumer = repo.read('src/a.ts');
    expect(parsedTexts.filter((text) => text === consumer)).toHaveLength(1);
    const twice = parsedTexts.filter((text, index) => parsedTexts.indexOf(text) !== index);
    expect(twice).toEqual([]);
  });

  it('keeps no tree the visit will not take: a file out of scope, a former text', () => {
    repo = makeRepo({ ...smallRepoFiles(), 'scripts/warm-up.js': "import { WebSocketManager } from '../src/websocket_manager';\n" });
    const { repoRoot, config } = openRepo({ repo: repo.root }, repo.root);
    const project = createProject({ repoRoot, config });
    const trees = syntaxTreesOf(project)!;
    const treeOf = (parsed: ReturnType<typeof project.parseSyntaxTree>): unknown => parsed!.root.paths()[0]!.node;
    const inScope = project.parseSyntaxTree('src/websocket_manager.ts');
    expect(trees.take('src/websocket_manager.ts', inScope!.source)).toBe(treeOf(inScope));
    const outside = project.parseSyntaxTree('scripts/warm-up.js');
    expect(trees.take('scripts/warm-up.js', outside!.source)).not.toBe(treeOf(outside));
    const former = project.parseSyntaxTree('src/unified_manager.ts', 'export const before = 1;\n');
    expect(trees.take('src/unified_manager.ts', former!.source)).not.toBe(treeOf(former));
  });
});
