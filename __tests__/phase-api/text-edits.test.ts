// The edit model every built-in phase writes with: text ranges of the original, applied in
// order, untouched bytes kept, and two edits that claim the same bytes refused.
import { applyEdits, OverlappingEditsError, TextEdits } from '../../src/phase-api/text-edits';
import { processText, type PreparedPhase } from '../../src/engine/run-engine';
import { definePhase, type FileContext } from '../../src/phase-api/define-phase';

describe('TextEdits', () => {
  it('replaces ranges of the original and keeps every other byte', () => {
    const source = 'import { a } from "./x"; // keep\r\nconst b = a;\n';
    const edits = new TextEdits(source);
    edits.replace(source.indexOf('"./x"'), source.indexOf('"./x"') + 5, '"./y"');
    edits.replace(source.indexOf('b ='), source.indexOf('b =') + 1, 'c');
    expect(edits.apply()).toBe('import { a } from "./y"; // keep\r\nconst c = a;\n');
  });

  it('applies edits recorded in any order by their position', () => {
    const edits = new TextEdits('abcdef');
    edits.replace(4, 5, 'E');
    edits.remove(0, 1);
    edits.insert(6, '!');
    expect(edits.apply()).toBe('bcdEf!');
  });

  it('keeps insertions at one offset in the order they were made, before a replacement there', () => {
    const edits = new TextEdits('abc');
    edits.replace(1, 2, 'B');
    edits.insert(1, '1');
    edits.insert(1, '2');
    expect(edits.apply()).toBe('a12Bc');
  });

  it('allows edits that only touch at their ends', () => {
    expect(
      applyEdits('abcdef', [
        { start: 0, end: 3, text: 'X' },
        { start: 3, end: 6, text: 'Y' },
        { start: 3, end: 3, text: '-' },
      ]),
    ).toBe('X-Y');
  });

  it.each([
    ['two replacements sharing a byte', { start: 1, end: 4, text: 'x' }, { start: 3, end: 5, text: 'y' }],
    ['an insertion inside a replaced range', { start: 1, end: 4, text: 'x' }, { start: 2, end: 2, text: 'y' }],
    ['two replacements of one range', { start: 1, end: 3, text: 'x' }, { start: 1, end: 3, text: 'y' }],
  ])('refuses %s', (_case, first, second) => {
    expect(() => applyEdits('abcdef', [first, second])).toThrow(OverlappingEditsError);
  });

  it('refuses a range outside the text', () => {
    expect(() => new TextEdits('abc').replace(2, 4, 'x')).toThrow(RangeError);
    expect(() => new TextEdits('abc').replace(2, 1, 'x')).toThrow(RangeError);
  });
});

/** A phase that renames every `OLD` by text edits (overlapping ones when asked to). */
function renamePhase(edit: (file: FileContext, start: number, end: number) => void): PreparedPhase[] {
  const phase = definePhase<undefined>({
    meta: { id: 'imports', title: 'rename', description: 'test double', messages: { old: 'OLD' } },
    editModel: 'text',
    prepare: () => undefined,
    mayMatter: (text) => text.includes('OLD'),
    detect: (file) => ({
      findings: file.source.includes('OLD') ? [{ phase: 'imports', kind: 'old', messageId: 'old', data: {}, fixable: true, file: file.file, line: 1, column: 1 }] : [],
      mentions: [],
    }),
    apply: (file) => {
      file.root.find(file.j.Identifier, { name: 'OLD' }).forEach(({ node }) => {
        // Babel's nodes carry their offsets; ast-types' declarations do not name them.
        const { start, end } = node as unknown as { start: number; end: number };
        edit(file, start, end);
      });
      return true;
    },
  });
  return [{ id: 'imports', phase, state: undefined }];
}

describe('the engine with text edits', () => {
  it('writes the edited text, keeping a BOM, a shebang and the lines nobody edited', () => {
    const text = '\uFEFF#!/usr/bin/env node\r\nexport const OLD = 1 // no semicolon\r\nif (OLD) {\r\n\tconsole.log( OLD )\n}\r\n';
    const result = processText(
      'a.ts',
      text,
      renamePhase((file, start, end) => file.edits.replace(start, end, 'NEW')),
      'run',
    ).file!;
    expect(result.status).toBe('changed');
    expect(result.newText).toBe('\uFEFF#!/usr/bin/env node\r\nexport const NEW = 1 // no semicolon\r\nif (NEW) {\r\n\tconsole.log( NEW )\n}\r\n');
  });

  it('fails the file, naming the line, when a phase makes overlapping edits', () => {
    const overlapping = renamePhase((file, start, end) => {
      file.edits.replace(start, end, 'NEW');
      file.edits.replace(start, end, 'OTHER');
    });
    const result = processText('a.ts', 'const x = 1;\nexport const OLD = 1;\n', overlapping, 'run').file!;
    expect(result.status).toBe('error');
    expect(result.error).toMatch(/^a\.ts:2: phase imports made overlapping edits: \[\d+, \d+\) and \[\d+, \d+\) \(a bug in the phase\); nothing written$/);
    expect(result.newText).toBeUndefined();
  });
});
