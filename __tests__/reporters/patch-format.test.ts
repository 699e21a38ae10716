// A diff is written once, as git writes it, and read back by one reader: the patch text of a
// change is byte for byte what `git diff` prints for it (less git's `index` line), and reading
// it back gives exactly the hunks it was written from.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { structuredPatch } from 'diff';
import fc from 'fast-check';
import { createPatch } from '../../src/engine/patch';
import { hunkAtLine, hunkHeader, readPatch } from '../../src/result/file-diff';
import { git } from '../helpers/cli-repo';

interface Change {
  file: string;
  before: string;
  /** undefined: the file is deleted. */
  after: string | undefined;
}

// Every hunk starts at line 1, so git has no function name to put after its `@@` line.
const CHANGES: Change[] = [
  { file: 'crlf.ts', before: 'a\r\nb\r\nc\r\n', after: 'a\r\nB\r\nc\r\n' },
  { file: 'no-final-newline.ts', before: 'a\nb', after: 'a\nc' },
  { file: 'gains-final-newline.ts', before: 'a\nb', after: 'a\nb\n' },
  { file: 'deleted.ts', before: 'x\ny\n', after: undefined },
  { file: 'was-empty.ts', before: '', after: 'a\n' },
  { file: 'emptied.ts', before: 'a\nb\n', after: '' },
  { file: 'with space.ts', before: 'a\n', after: 'b\n' },
  { file: 'we"ird\tname é.ts', before: 'a\n', after: 'b\n' },
  { file: 'dir/nested.ts', before: '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n', after: '1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\neleven\n12\n' },
];

describe('the patch of a change', () => {
  let root: string;
  let gitDiff: string;

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-patch-format-'));
    const write = (file: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    git(root, 'init', '-q');
    for (const { file, before } of CHANGES) write(file, before);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'before');
    for (const { file, after } of CHANGES) {
      if (after === undefined) fs.rmSync(path.join(root, file));
      else write(file, after);
    }
    gitDiff = git(root, '-c', 'core.quotePath=true', '-c', 'core.autocrlf=false', 'diff', '--no-color', '--no-ext-diff', '--no-renames', '--src-prefix=a/', '--dst-prefix=b/');
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it.each(CHANGES.map((change) => [change.file, change] as const))('%s: what git diff prints', (_name, { file, before, after }) => {
    const ours = createPatch(file, before, after);
    const sections = gitDiff.split(/(?=^diff --git )/m).map((section) => section.replace(/^index .*\n/m, ''));
    const theirs = sections.find((section) => section.startsWith(ours.slice(0, ours.indexOf('\n') + 1)));
    expect(ours).toBe(theirs);
  });

  it.each(CHANGES.map((change) => [change.file, change] as const))('%s: reads back as the hunks it was written from', (_name, { file, before, after }) => {
    const [read] = readPatch(createPatch(file, before, after));
    expect(read!.hunks).toEqual(structuredPatch('', '', before, after ?? '', '', '', { context: 3 }).hunks);
    expect(read!.oldPath).toBe(file);
    expect(read!.newPath).toBe(after === undefined ? undefined : file);
  });

  it('reads back any change as the hunks it was written from, and writes the same headers', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', '', 'x\r', '--- a', '+++ b', '@@ -1 +1 @@'), { maxLength: 12 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const [read] = readPatch(createPatch('f.ts', before, after));
        const written = structuredPatch('', '', before, after, '', '', { context: 3 }).hunks;
        expect(read?.hunks ?? []).toEqual(written);
        expect((read?.hunks ?? []).map(hunkHeader)).toEqual(written.map(hunkHeader));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the hunk that covers a line of the new text', () => {
    const [read] = readPatch(createPatch('dir/nested.ts', CHANGES[8]!.before, CHANGES[8]!.after));
    expect(read!.hunks.map(hunkHeader)).toEqual(['@@ -2,11 +2,11 @@']);
    expect(hunkAtLine(read!.hunks, 11)).toBe(read!.hunks[0]);
    expect(hunkAtLine(read!.hunks, 1)).toBeUndefined();
  });
});
