// Outputs never overwrite sources: every file a command writes besides the sources (--patch,
// --html, report's chart and summary, the baseline, the history) is refused, with nothing
// written, when it is tracked by git, in the config's scope or has uncommitted changes, unless
// it is a file of that same kind the tool wrote before.
import fs from 'node:fs';
import path from 'node:path';
import { changedPaths, makeRepo, smallRepoFiles, type MainResult, type TempRepo } from '../helpers/cli-repo';

const CONSUMER = "import { WebSocketManager } from './websocket_manager';\nexport const a = WebSocketManager;\n";

function repoWithConsumer(git: boolean): TempRepo {
  return makeRepo({ ...smallRepoFiles(), 'src/a.ts': CONSUMER, 'README.md': '# The app\n' }, { git });
}

/** Exit 2 with exactly one error line, naming the file and saying why. */
function expectRefused(result: MainResult, file: string, why: RegExp): void {
  expect(result.status).toBe(2);
  const errors = result.stderr.split('\n').filter((line) => line.startsWith('ssot-migrate:'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain(file);
  expect(errors[0]).toMatch(why);
}

describe('an output pointed at a source file is refused and nothing is written', () => {
  let repo: TempRepo;
  afterEach(() => repo.remove());

  it('run --patch on a tracked source', async () => {
    repo = repoWithConsumer(true);
    const before = repo.snapshot();
    expectRefused(await repo.run(['run', 'imports', '--patch', 'src/unified_manager.ts']), 'src/unified_manager.ts', /a source in scope/);
    expect(changedPaths(before, repo.snapshot())).toEqual([]);
  });

  it('run --patch on a source with uncommitted edits (git cannot bring those back)', async () => {
    repo = repoWithConsumer(true);
    repo.write('src/unified_manager.ts', 'export class UnifiedWebSocketManager { edited = true; }\n');
    const before = repo.snapshot();
    expectRefused(await repo.run(['run', 'imports', '--patch', 'src/unified_manager.ts']), 'src/unified_manager.ts', /a source in scope/);
    expect(changedPaths(before, repo.snapshot())).toEqual([]);
  });

  it('run --patch on a tracked file that is no source', async () => {
    repo = repoWithConsumer(true);
    const before = repo.snapshot();
    expectRefused(await repo.run(['run', 'imports', '--patch', 'README.md']), 'README.md', /tracked by git/);
    expect(changedPaths(before, repo.snapshot())).toEqual([]);
  });

  it('run --write --patch on a source refuses before writing any source either', async () => {
    repo = repoWithConsumer(true);
    const before = repo.snapshot();
    expectRefused(await repo.run(['run', 'imports', '--write', '--patch', 'README.md']), 'README.md', /tracked by git/);
    expect(changedPaths(before, repo.snapshot())).toEqual([]);
  });

  it('run --html on a tracked file', async () => {
    repo = repoWithConsumer(true);
    const before = repo.snapshot();
    expectRefused(await repo.run(['run', 'imports', '--html', 'README.md']), 'README.md', /tracked by git/);
    expect(changedPaths(before, repo.snapshot())).toEqual([]);
  });

  it('run --patch on a file in scope outside git, existing or not', async () => {
    repo = repoWithConsumer(false);
    const before = repo.snapshot();
    expectRefused(await repo.run(['run', 'imports', '--patch', 'src/a.ts']), 'src/a.ts', /a source in scope/);
    expectRefused(await repo.run(['run', 'imports', '--patch', 'src/review.ts']), 'src/review.ts', /a source in scope/);
    expect(changedPaths(before, repo.snapshot())).toEqual([]);
  });

  it('run --patch on an untracked file of the user that git does not ignore', async () => {
    repo = repoWithConsumer(true);
    repo.write('notes.txt', 'my notes, not committed yet\n');
    const before = repo.snapshot();
    expectRefused(await repo.run(['run', 'imports', '--patch', 'notes.txt']), 'notes.txt', /uncommitted changes/);
    expect(changedPaths(before, repo.snapshot())).toEqual([]);
  });

  it('report --svg and report --markdown on tracked files', async () => {
    repo = repoWithConsumer(true);
    const before = repo.snapshot();
    expectRefused(await repo.run(['report', '--svg', 'src/a.ts']), 'src/a.ts', /a source in scope/);
    expectRefused(await repo.run(['report', '--markdown', 'README.md']), 'README.md', /tracked by git/);
    expect(changedPaths(before, repo.snapshot())).toEqual([]);
  });

  it('scan --update-baseline and scan --record on a source', async () => {
    repo = repoWithConsumer(true);
    const before = repo.snapshot();
    expectRefused(await repo.run(['scan', '--update-baseline', 'src/a.ts']), 'src/a.ts', /a source in scope/);
    expectRefused(await repo.run(['scan', '--record', 'src/a.ts']), 'src/a.ts', /a source in scope/);
    // Both outputs are judged before either is written.
    expectRefused(await repo.run(['scan', '--record', 'history.jsonl', '--update-baseline', 'src/a.ts']), 'src/a.ts', /a source in scope/);
    expect(fs.existsSync(repo.path('history.jsonl'))).toBe(false);
    expect(changedPaths(before, repo.snapshot())).toEqual([]);
  });

  it('a symlink whose target is a source is judged by its target', async () => {
    repo = repoWithConsumer(true);
    fs.symlinkSync(repo.path('src/a.ts'), repo.path('baseline-link.json'));
    fs.appendFileSync(path.join(repo.root, '.git', 'info', 'exclude'), '/baseline-link.json\n');
    const before = repo.snapshot();
    expectRefused(await repo.run(['scan', '--update-baseline', 'baseline-link.json']), 'src/a.ts', /a source in scope/);
    expect(changedPaths(before, repo.snapshot())).toEqual([]);
  });
});

describe('an empty file name is a usage error', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = repoWithConsumer(true);
  });
  afterAll(() => repo.remove());

  it.each([[['run', 'imports', '--patch']], [['run', 'imports', '--html']], [['report', '--svg']], [['report', '--markdown']]])('%j with an empty file name', async (args) => {
    const before = repo.snapshot();
    const result = await repo.run([...args, '']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${args[args.length - 1]}: empty file name`);
    expect(changedPaths(before, repo.snapshot())).toEqual([]);
  });
});

describe("the tool's own outputs may be written again, even when committed", () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = repoWithConsumer(true);
  });
  afterEach(() => repo.remove());

  it('a patch and a review page', async () => {
    expect((await repo.run(['run', 'imports', '--patch', 'review/imports.patch', '--html', 'review/imports.html'])).status).toBe(0);
    repo.commitAll('the review');
    repo.write('src/b.ts', CONSUMER.replace('const a', 'const b'));
    repo.commitAll('another consumer');
    expect((await repo.run(['run', 'imports', '--patch', 'review/imports.patch', '--html', 'review/imports.html'])).status).toBe(0);
    expect(repo.read('review/imports.patch')).toContain('diff --git a/src/b.ts b/src/b.ts');
    expect(repo.read('review/imports.html')).toContain('src/b.ts');
  });

  it('the baseline, the history, the chart and the summary', async () => {
    expect((await repo.run(['scan', '--update-baseline', '--record'])).status).not.toBe(2);
    expect((await repo.run(['report', '--markdown', '.ssot/report.md'])).status).toBe(0);
    repo.commitAll('tracking');
    expect((await repo.run(['scan', '--update-baseline', '--record'])).status).not.toBe(2);
    expect((await repo.run(['report', '--markdown', '.ssot/report.md'])).status).toBe(0);
    expect(repo.read('.ssot/history.jsonl').trim().split('\n')).toHaveLength(2);
  });
});
