// Untouched code keeps its formatting and comments byte for byte: in a rewritten file, every
// line outside a changed hunk is identical, and the hunks hold only the references that moved.
import path from 'node:path';
import fs from 'node:fs';
import { copyExample, diffOfFile, EXAMPLE, filesInDiff, makeRepo, parseHunks, smallRepoFiles, type CliResult, type TempRepo } from '../helpers/cli-repo';

/**
 * Walks the old and new text along the file's hunks: lines outside hunks and context lines must
 * be identical, '-' lines must be the old lines and '+' lines the new ones, in order.
 */
function expectOnlyHunksChanged(file: string, oldText: string, newText: string, fileDiff: string): void {
  const oldLines = oldText.split('\n');
  const newLines = newText.split('\n');
  let oldIndex = 0;
  let newIndex = 0;
  const same = (where: string) => expect({ file, where, line: newLines[newIndex] }).toEqual({ file, where, line: oldLines[oldIndex] });
  const hunks = parseHunks(fileDiff);
  expect(hunks.length).toBeGreaterThan(0);
  for (const hunk of hunks) {
    while (oldIndex < hunk.oldStart - 1) {
      same(`untouched line ${oldIndex + 1}`);
      oldIndex++;
      newIndex++;
    }
    expect(newIndex).toBe(hunk.newStart - 1);
    for (const line of hunk.lines) {
      const marker = line[0];
      const text = line.slice(1);
      if (marker === ' ') {
        expect({ file, context: oldLines[oldIndex], inNew: newLines[newIndex] }).toEqual({ file, context: text, inNew: text });
        oldIndex++;
        newIndex++;
      } else if (marker === '-') {
        expect({ file, removed: oldLines[oldIndex] }).toEqual({ file, removed: text });
        oldIndex++;
      } else if (marker === '+') {
        expect({ file, added: newLines[newIndex] }).toEqual({ file, added: text });
        newIndex++;
      }
    }
  }
  expect({ file, rest: newLines.slice(newIndex) }).toEqual({ file, rest: oldLines.slice(oldIndex) });
}

// Lines with odd formatting everywhere except the import the tool must rewrite.
const ODD = [
  '/* eslint-disable */',
  "import   {WebSocketManager}from'./websocket_manager'   ;   // legacy, odd spacing",
  '//    a comment   with   odd   spacing   ',
  'const   x   =   {a:1,',
  '      b  :  2 }  ;   ',
  '',
  '',
  '\tfunction   f ( a:number ,b:number ){return a+b}',
  'export   default   [ x , f , new   WebSocketManager( ), "double" , \'single\' ] ;;',
  '\t// tab-indented comment',
  '/**',
  ' * JSDoc that mentions ./websocket_manager stays as it is.',
  ' */',
  'export const   s = `template ${ x.a }`',
  '',
].join('\n');

describe('formatting outside the rewritten import', () => {
  let repo: TempRepo;
  let dry: CliResult;
  let write: CliResult;

  beforeAll(async () => {
    repo = makeRepo({ ...smallRepoFiles(), 'src/odd.ts': ODD });
    dry = await repo.run(['run', 'imports']);
    write = await repo.run(['run', 'imports', '--write']);
  });
  afterAll(() => repo.remove());

  it('changes only the import line; every other line is byte-identical', () => {
    expect(write.status).toBe(0);
    const oldLines = ODD.split('\n');
    const newLines = repo.read('src/odd.ts').split('\n');
    expect(newLines.length).toBe(oldLines.length);
    const changed = oldLines.map((line, index) => (line === newLines[index] ? -1 : index + 1)).filter((line) => line !== -1);
    expect(changed).toEqual([2]);
    expect(newLines[1]).toMatch(/WebSocketManager.*from\s*'\.\/unified_manager'/);
  });

  it('keeps the trailing comment of the rewritten import line', () => {
    expect(repo.read('src/odd.ts').split('\n')[1]).toMatch(/\/\/ legacy, odd spacing$/);
  });

  it('prints a diff with exactly that one-line change, matching what was written', () => {
    const fileDiff = diffOfFile(dry.stdout, 'src/odd.ts');
    expect(fileDiff.split('\n').filter((line) => /^[-+](?![-+]{2} )/.test(line))).toHaveLength(2);
    expectOnlyHunksChanged('src/odd.ts', ODD, repo.read('src/odd.ts'), fileDiff);
  });

  it('keeps a comment written inside a rewritten import', async () => {
    const inner = makeRepo({
      ...smallRepoFiles(),
      'src/inner.ts': "import {\n  WebSocketManager, // TODO(ws): drop after the migration\n} from './websocket_manager';\nexport const m = WebSocketManager;\n",
    });
    try {
      expect((await inner.run(['run', 'imports', '--write'])).status).toBe(0);
      const text = inner.read('src/inner.ts');
      expect(text).toMatch(/'\.\/unified_manager'/);
      expect(text).toContain('// TODO(ws): drop after the migration');
    } finally {
      inner.remove();
    }
  });
});

describe('formatting on the example', () => {
  let repo: TempRepo;
  let dry: CliResult;
  let write: CliResult;
  let files: string[];

  beforeAll(async () => {
    repo = copyExample();
    dry = await repo.run(['run', 'imports']);
    write = await repo.run(['run', 'imports', '--write']);
    files = filesInDiff(dry.stdout);
  });
  afterAll(() => repo.remove());

  it('in every rewritten file, every line outside a changed hunk is byte-identical to the original', () => {
    expect(write.status).toBe(0);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const original = fs.readFileSync(path.join(EXAMPLE, file), 'utf8');
      expectOnlyHunksChanged(file, original, repo.read(file), diffOfFile(dry.stdout, file));
    }
  });

  it('removes only lines that hold a module reference or a renamed legacy name', () => {
    const legacyNames = /WebSocketManager|WebSocketConnectionManager|ManagerImpl|createManagerForUser|websocket_core|manager_alias|ws_manager_exports|manager_functions/;
    const reference = /\b(import|export|require|from)\b|mock/i;
    const removed = dry.stdout
      .split('\n')
      .filter((line) => line.startsWith('-') && !line.startsWith('--- '))
      .map((line) => line.slice(1));
    expect(removed.length).toBeGreaterThan(0);
    const unrelated = removed.filter((line) => !legacyNames.test(line) && !reference.test(line));
    expect(unrelated).toEqual([]);
  });

  it('keeps every comment line of the original files somewhere in the rewritten ones', () => {
    for (const file of files) {
      const original = fs.readFileSync(path.join(EXAMPLE, file), 'utf8');
      const written = repo.read(file);
      const comments = original.split('\n').filter((line) => /^\s*(\/\/|\/\*|\*)/.test(line));
      for (const comment of comments) expect({ file, comment, kept: written.includes(comment) }).toEqual({ file, comment, kept: true });
    }
  });
});
