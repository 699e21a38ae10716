// Written files pass the repo's own formatter: prettier (with a plugin from the repo's config)
// formats the files a phase changed that were prettier-clean before the run; the others stay as
// the phase wrote them, and the summary counts both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentHash } from '../../src/engine/atomic-file';
import { formatChangedFiles, formattingOfChanged } from '../../src/engine/repo-formatter';
import type { RunResult } from '../../src/result/types';
import { diffOfFile, filesInDiff, makeRepo, ROOT, smallRepoFiles, type TempRepo } from '../helpers/cli-repo';

// Prettier-clean before the run: the phase points its legacy import at './unified_manager', which
// the organize-imports plugin then sorts before './valve'.
const CLEAN = "import { Valve } from './valve';\nimport { WebSocketManager } from './websocket_manager';\n\nexport const pair = [new Valve(), new WebSocketManager()];\n";
const CLEAN_FORMATTED =
  "import { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';\nimport { Valve } from './valve';\n\nexport const pair = [new Valve(), new WebSocketManager()];\n";
// Not prettier-clean before the run (double quotes, no semicolons, spaces in brackets).
const MESSY = 'import { Valve } from "./valve"\nimport {WebSocketManager} from "./websocket_manager"\n\nexport const pair = [ new Valve(), new WebSocketManager() ]\n';
const MESSY_AS_THE_PHASE_WRITES_IT =
  'import { Valve } from "./valve"\nimport {UnifiedWebSocketManager as WebSocketManager} from "./unified_manager"\n\nexport const pair = [ new Valve(), new WebSocketManager() ]\n';
// Clean, but .prettierignore names it: prettier would never touch it, so neither do we.
const IGNORED = CLEAN.replace('pair', 'ignoredPair');

function repoWithPrettier(options: { format?: string; install?: boolean } = {}): TempRepo {
  const config = JSON.parse(smallRepoFiles()['ssot.config.json']!) as Record<string, unknown>;
  const repo = makeRepo(
    {
      ...smallRepoFiles(),
      'ssot.config.json': JSON.stringify({ ...config, ...(options.format ? { format: options.format } : {}) }, null, 2) + '\n',
      '.prettierrc': JSON.stringify({ singleQuote: true, printWidth: 100, plugins: ['prettier-plugin-organize-imports'] }) + '\n',
      '.prettierignore': 'src/ignored.ts\n',
      'src/valve.ts': 'export class Valve {}\n',
      'src/clean.ts': CLEAN,
      'src/messy.ts': MESSY,
      'src/ignored.ts': IGNORED,
    },
    { git: true },
  );
  fs.appendFileSync(repo.path('.git/info/exclude'), '/node_modules\n');
  if (options.install !== false) {
    // The repo's own prettier and plugin: links to this package's copies, found from the repo root.
    fs.mkdirSync(repo.path('node_modules'));
    for (const name of ['prettier', 'prettier-plugin-organize-imports']) {
      fs.symlinkSync(path.join(ROOT, 'node_modules', name), repo.path(`node_modules/${name}`), 'dir');
    }
  }
  return repo;
}

describe('format: "auto" with prettier and a plugin installed in the repo', () => {
  let repo: TempRepo;
  let dry: Awaited<ReturnType<TempRepo['run']>>;

  beforeAll(async () => {
    repo = repoWithPrettier();
    dry = await repo.run(['run', 'imports']);
  });
  afterAll(() => repo.remove());

  test('a file that was prettier-clean is formatted after the phase, and the dry-run diff shows the formatted text', () => {
    expect(dry.status).toBe(0);
    expect(filesInDiff(dry.stdout)).toEqual(['src/clean.ts', 'src/ignored.ts', 'src/messy.ts']);
    expect(diffOfFile(dry.stdout, 'src/clean.ts')).toBe(
      [
        'diff --git a/src/clean.ts b/src/clean.ts',
        '--- a/src/clean.ts',
        '+++ b/src/clean.ts',
        '@@ -1,4 +1,4 @@',
        "+import { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';",
        " import { Valve } from './valve';",
        "-import { WebSocketManager } from './websocket_manager';",
        ' ',
        ' export const pair = [new Valve(), new WebSocketManager()];',
        '',
      ].join('\n'),
    );
  });

  test('a file that was not prettier-clean is left as the phase wrote it, and the summary counts it', () => {
    expect(diffOfFile(dry.stdout, 'src/messy.ts')).toContain('+import {UnifiedWebSocketManager as WebSocketManager} from "./unified_manager"\n');
    expect(dry.stdout).toMatch(/^Formatted with the repo's prettier: 1 file; 1 left as the phase wrote it \(not prettier-clean before the run\): src\/messy\.ts$/m);
  });

  test('a file .prettierignore names is neither formatted nor counted', () => {
    // As the phase wrote it: the organize-imports plugin would have sorted './unified_manager' first.
    expect(diffOfFile(dry.stdout, 'src/ignored.ts')).toContain(
      " import { Valve } from './valve';\n-import { WebSocketManager } from './websocket_manager';\n+import { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';\n",
    );
  });

  test('--write writes exactly the dry-run diff (as --patch saves it and --html shows it), and a second run changes nothing', async () => {
    const outputs = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-format-outputs-'));
    const patch = path.join(outputs, 'imports.patch');
    const page = path.join(outputs, 'review.html');
    const withPatch = await repo.run(['run', 'imports', '--patch', patch, '--html', page]);
    expect(withPatch.stdout).toBe(dry.stdout.replace(/\n(?=Dry run:)/, `\nPatch written to ${patch}\n`));
    expect(fs.readFileSync(page, 'utf8')).toContain('<td class="num added">1</td><td class="code added">import { UnifiedWebSocketManager as WebSocketManager } from &#39;./unified_manager&#39;;</td>');
    repo.git('apply', patch);
    const applied = repo.snapshot();
    repo.git('checkout', '--', '.');

    const written = await repo.run(['run', 'imports', '--write']);
    expect(written.status).toBe(0);
    expect(repo.snapshot()).toEqual(applied);
    expect(repo.read('src/clean.ts')).toBe(CLEAN_FORMATTED);
    expect(repo.read('src/messy.ts')).toBe(MESSY_AS_THE_PHASE_WRITES_IT);

    repo.commitAll('after imports');
    const again = await repo.run(['run', 'imports']);
    expect(again.status).toBe(0);
    expect(filesInDiff(again.stdout)).toEqual([]);
    expect(again.stdout).toMatch(/^imports: 0 files would change/m);
    fs.rmSync(outputs, { recursive: true, force: true });
  });
});

describe('format: "none"', () => {
  test('leaves every file as the phase wrote it, and says nothing of formatting', async () => {
    const repo = repoWithPrettier({ format: 'none' });
    try {
      const dry = await repo.run(['run', 'imports']);
      expect(dry.status).toBe(0);
      expect(diffOfFile(dry.stdout, 'src/clean.ts')).toContain("+import { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';\n");
      expect(diffOfFile(dry.stdout, 'src/clean.ts')).toMatch(/^ import \{ Valve \} from '\.\/valve';\n-import \{ WebSocketManager \}/m);
      expect(diffOfFile(dry.stdout, 'src/messy.ts')).toContain('+import {UnifiedWebSocketManager as WebSocketManager} from "./unified_manager"\n');
      expect(dry.stdout).not.toMatch(/prettier/);
    } finally {
      repo.remove();
    }
  });
});

describe('format: "prettier" when the repo has no prettier installed', () => {
  test('is an error naming the config field, though this tool has prettier of its own', async () => {
    const repo = repoWithPrettier({ format: 'prettier', install: false });
    try {
      const before = repo.snapshot();
      const result = await repo.run(['run', 'imports', '--write']);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/"format": "prettier".*prettier is not installed in the repo/);
      expect(result.stdout).toBe('');
      expect(repo.snapshot()).toEqual(before);
    } finally {
      repo.remove();
    }
  });

  test('with "auto", the run goes on unformatted and the summary says why', async () => {
    const repo = repoWithPrettier({ install: false });
    try {
      const dry = await repo.run(['run', 'imports']);
      expect(dry.status).toBe(0);
      expect(diffOfFile(dry.stdout, 'src/clean.ts')).toMatch(/^ import \{ Valve \} from '\.\/valve';\n-import \{ WebSocketManager \}/m);
      expect(dry.stdout).toMatch(/^Not formatted: the repo configures prettier \(\.prettierrc\) but has no prettier installed; /m);
    } finally {
      repo.remove();
    }
  });
});

describe('a prettier config naming a plugin the repo has not installed', () => {
  test('stops the run before anything is shown or written, naming the config and the plugin', async () => {
    const repo = repoWithPrettier();
    try {
      fs.rmSync(repo.path('node_modules/prettier-plugin-organize-imports'));
      const before = repo.snapshot();
      const result = await repo.run(['run', 'imports', '--write']);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('.prettierrc: names the prettier plugin "prettier-plugin-organize-imports", which is not installed in the repo');
      expect(result.stdout).toBe('');
      expect(repo.snapshot()).toEqual(before);
    } finally {
      repo.remove();
    }
  });
});

describe('formatChangedFiles', () => {
  test('moves what is left for a human to the line its code is on after formatting', async () => {
    const repo = repoWithPrettier();
    try {
      const phaseText = CLEAN.replace("import { WebSocketManager } from './websocket_manager';", "import { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';");
      const manual = { phase: 'imports', kind: 'legacy-import', message: 'left', messageId: 'left', data: {}, fixable: false };
      const result: RunResult = {
        command: 'run',
        phases: ['imports'],
        repo: repo.root,
        filesScanned: 1,
        filesParsed: 1,
        files: [
          {
            file: 'src/clean.ts',
            status: 'changed',
            findingsBefore: [],
            // On the import the plugin sorts first, and on the line after the blank one.
            findingsAfter: [
              { ...manual, file: 'src/clean.ts', line: 2, column: 1 },
              { ...manual, file: 'src/clean.ts', line: 4, column: 14 },
            ],
            mentions: [],
            newText: phaseText,
            patch: '',
            sourceHash: contentHash(CLEAN),
          },
        ],
      };
      const outcome = await formatChangedFiles({ repoRoot: repo.root, setting: 'auto', configFile: 'ssot.config.json', nodeExecutable: process.execPath }, result);
      expect(outcome).toEqual({ formatter: 'prettier', formatted: ['src/clean.ts'], notCleanBefore: [], failed: [] });
      const [file] = result.files;
      expect(file!.newText).toBe(CLEAN_FORMATTED);
      expect(file!.findingsAfter.map(({ line, column }) => [line, column])).toEqual([
        [1, 1],
        [4, 14],
      ]);
      expect(file!.patch).toContain("\n+import { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';\n import { Valve } from './valve';\n");
    } finally {
      repo.remove();
    }
  });
});

describe('formattingOfChanged', () => {
  test('counts only the files the run still changes once the type-check gate held some back', () => {
    const file = (name: string, status: 'changed' | 'error') => ({ file: name, status, findingsBefore: [], findingsAfter: [], mentions: [] });
    const result: RunResult = {
      command: 'run',
      phases: ['imports'],
      repo: '/repo',
      filesScanned: 4,
      filesParsed: 4,
      files: [file('src/a.ts', 'changed'), file('src/blocked.ts', 'error'), file('src/messy.ts', 'changed'), file('src/messy-blocked.ts', 'error')],
    };
    const outcome = {
      formatter: 'prettier' as const,
      formatted: ['src/a.ts', 'src/blocked.ts'],
      notCleanBefore: ['src/messy.ts', 'src/messy-blocked.ts'],
      failed: [{ file: 'src/blocked.ts', reason: 'x' }],
    };
    expect(formattingOfChanged(outcome, result)).toEqual({ formatter: 'prettier', formatted: ['src/a.ts'], notCleanBefore: ['src/messy.ts'], failed: [] });
  });
});
