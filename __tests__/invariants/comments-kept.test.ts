// Every fixture's expected output keeps each comment of its input, in order and in place: the
// promise of text-range edits, checked on every transform's cases (flat and cross-file).
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES_ROOT } from '../helpers/phase-fixtures';
import { commentProblems } from '../helpers/comments-kept';

/** Every input file of every fixture case with the file it must become (itself when unchanged). */
function fixturePairs(): Array<[string, string, string]> {
  const pairs: Array<[string, string, string]> = [];
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.input\.[cm]?[jt]sx?$/.test(entry.name)) {
        const output = file.replace('.input.', '.output.');
        pairs.push([path.relative(FIXTURES_ROOT, file), file, fs.existsSync(output) ? output : file]);
      } else if (/[\\/]input[\\/]/.test(file) && /\.[cm]?[jt]sx?$/.test(entry.name)) {
        // A cross-file case's file that the phase deletes has no output to compare.
        const output = file.replace(/([\\/])input([\\/])/, '$1output$2');
        if (fs.existsSync(output)) pairs.push([path.relative(FIXTURES_ROOT, file), file, output]);
      }
    }
  };
  walk(FIXTURES_ROOT);
  return pairs;
}

describe('comments in every fixture', () => {
  const pairs = fixturePairs();

  it('finds the fixtures', () => {
    expect(pairs.length).toBeGreaterThan(150);
  });

  it.each(pairs)('%s keeps its comments in place', (name, input, output) => {
    const parseName = name.replace(/\.input\./, '.');
    expect(commentProblems(parseName, fs.readFileSync(input, 'utf8'), fs.readFileSync(output, 'utf8'))).toEqual([]);
  });
});

describe('commentProblems', () => {
  it('accepts a rewrite that keeps every comment beside the same code', () => {
    const input = '// header\nimport { a } from "./legacy"; // why\n/* note */\nconst b = a;\n';
    const output = '// header\nimport { a } from "./canonical"; // why\n/* note */\nconst b = a;\n';
    expect(commentProblems('a.ts', input, output)).toEqual([]);
  });

  it('reports a lost comment', () => {
    expect(commentProblems('a.ts', '// why\nimport a from "x";\n', 'import a from "y";\n')).toEqual(['a.ts: comments differ (lost: ["why"], new: [])']);
  });

  it('reports comments that changed order', () => {
    expect(commentProblems('a.ts', '// one\n// two\nf();\n', '// two\n// one\nf();\n')[0]).toMatch(/order or count changed/);
  });

  it('reports a trailing comment moved onto a line of its own', () => {
    expect(commentProblems('a.ts', 'f(); // note\n', '// note\nf();\n')).toEqual(['a.ts: "note" was beside code, now on a line of its own']);
  });

  it('reports a comment moved above other code', () => {
    const input = 'import a from "x";\n// sends\nexport function send() {}\n';
    const output = '// sends\nimport a from "x";\nexport function send() {}\n';
    expect(commentProblems('a.ts', input, output)).toEqual(['a.ts: "sends" stood above `export function send() {}`, now above `import a from "x";`']);
  });

  it('lets a comment stay where it was when the statement below it is removed', () => {
    expect(commentProblems('a.ts', '// legacy\nimport a from "x";\nf();\n', '// legacy\nf();\n')).toEqual([]);
  });
});
