// A config entry that can match nothing in scope is said once per run, so its "0 violations" is
// not read as progress: a repo path that is no file, a module no file imports, a moved export no
// importer names, a package family no specifier falls in.
import { loadConfig } from '../../src/config/load-config';
import { runEngine } from '../../src/engine/run-engine';
import { renderScanTable } from '../../src/reporters/table';
import { renderRunSummary } from '../../src/reporters/run-summary';
import { renderJson } from '../../src/reporters/json';
import { mergeResults } from '../../src/result/merge-results';
import { makeRepo, type TempRepo } from '../helpers/cli-repo';

const CONFIG = {
  include: ['src/**/*.ts'],
  legacy: [
    { module: 'left-pad', to: './src/strings' },
    { module: 'old-scope/*', to: 'new-scope/*' },
    { module: 'src/gone.ts', to: './src/strings' },
  ],
  moves: [
    { from: { module: './src/legacy', export: 'trim' }, to: { module: './src/strings', export: 'trim' } },
    { from: { module: './src/legacy', export: 'neverImported' }, to: { module: './src/strings', export: 'trim' } },
    { from: { module: './src/legacy', export: 'default' }, to: { module: './src/strings', export: 'trim' } },
    { from: { module: 'lodahs', export: 'pad' }, to: { module: './src/strings', export: 'trim' } },
  ],
};

function repoWith(config: object): TempRepo {
  return makeRepo({
    'ssot.config.json': JSON.stringify(config),
    'src/strings.ts': 'export function trim(text: string): string {\n  return text.trim();\n}\n',
    'src/legacy.ts': "export { trim } from './strings';\nexport function neverImported(): void {}\nexport default 1;\n",
    'src/app.ts': "import pad from 'left-pad';\nimport { trim } from './legacy';\n\nexport const padded = pad(trim(' a '), 3);\n",
  });
}

function scan(repo: TempRepo) {
  const { config } = loadConfig(repo.root);
  return runEngine({ repoRoot: repo.root, config, command: 'scan', phases: ['imports', 'facades'] });
}

describe('config entries that match nothing', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = repoWith(CONFIG);
  });
  afterAll(() => repo.remove());

  it('are notices of the imports phase, one per entry, in config order; entries that match say nothing', () => {
    expect(scan(repo).notices).toEqual([
      { phase: 'imports', message: 'legacy[1].module: no file in scope imports old-scope/*; nothing to change for it (a misspelt module, or one already migrated away from)' },
      { phase: 'imports', message: 'legacy[2].module: "src/gone.ts" is no file in the repo, so nothing can import it (a wrong path, or deleted by an earlier run)' },
      { phase: 'imports', message: 'moves[1].from: no file that imports src/legacy.ts names "neverImported"; nothing to change for it' },
      { phase: 'imports', message: 'moves[3].from: no file in scope imports lodahs; nothing to change for it (a misspelt module, or one already migrated away from)' },
    ]);
  });

  it('say so when a file imports the path as a package that is not installed yet', () => {
    const uninstalled = makeRepo({
      'ssot.config.json': JSON.stringify({ include: ['src/**/*.ts'], moves: [{ from: { module: 'lodash/get.js', export: 'default' }, to: { module: 'lodash-es', export: 'get' } }] }),
      'src/a.ts': "import get from 'lodash/get.js';\nexport const value = get({}, 'a');\n",
    });
    try {
      expect(scan(uninstalled).notices).toEqual([
        { phase: 'imports', message: 'moves[0].from: "lodash/get.js" is no file in the repo, yet src/a.ts imports it as a package: install the package, or write "lodash/get" in the config' },
      ]);
    } finally {
      uninstalled.remove();
    }
  });

  it('are printed by the scan table, the run summary and the JSON report, and kept by a merge of shards', () => {
    const result = scan(repo);
    expect(renderScanTable(result)).toContain('Notes (4):\n  [imports] legacy[1].module: no file in scope imports old-scope/*');
    expect(renderRunSummary({ ...result, command: 'run' }, 'imports', { written: false })).toContain('Notes (4):\n  legacy[1].module:');
    expect(JSON.parse(renderJson(result)).notices).toHaveLength(4);
    const shards = [1, 2].map((index) => ({ source: `shard-${index}.json`, result: { ...result, shard: { index, count: 2 } } }));
    expect(mergeResults(shards).notices).toEqual(result.notices);
  });

  it('leave a config whose entries all match without notices', () => {
    const matching = repoWith({ ...CONFIG, legacy: CONFIG.legacy.slice(0, 1), moves: CONFIG.moves.slice(0, 1) });
    try {
      const result = scan(matching);
      expect(result.notices).toBeUndefined();
      expect(renderScanTable(result)).not.toContain('Notes');
    } finally {
      matching.remove();
    }
  });
});

describe('config entries that match only through a group spelling or a barrel', () => {
  it('say nothing, and the entries do match', () => {
    const repo = makeRepo({
      'ssot.config.json': JSON.stringify({
        include: ['src/**/*.ts'],
        specifiers: { groups: [['lodash', 'lodash-es']] },
        legacy: [{ module: 'lodash-es/*', to: 'new-scope/*' }],
        moves: [{ from: { module: './src/legacy', export: 'trim' }, to: { module: './src/strings', export: 'trim' } }],
      }),
      'src/strings.ts': 'export function trim(text: string): string {\n  return text.trim();\n}\n',
      'src/legacy.ts': "export { trim } from './strings';\n",
      'src/old/index.ts': "export * from '../legacy';\n",
      'src/app.ts': "import debounce from 'lodash/debounce';\nimport { trim } from './old';\n\nexport const run = debounce(() => trim(' a '), 10);\n",
    });
    try {
      const result = scan(repo);
      expect(result.notices).toBeUndefined();
      const app = result.files.find((file) => file.file === 'src/app.ts')!;
      expect(app.findingsBefore.filter((finding) => finding.fixable).map((finding) => finding.line)).toEqual([1, 2]);
    } finally {
      repo.remove();
    }
  });
});
