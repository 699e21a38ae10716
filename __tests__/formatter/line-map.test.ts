// Where a line of one text went in another: a location found on a phase's text must still point
// at its code after the formatter has moved lines about.
import { lineMapper } from '../../src/engine/line-map';

describe('lineMapper', () => {
  test('lines the second text keeps map to where they now are', () => {
    const moved = lineMapper('a\nb\nc\n', 'header\n\na\nb\nc\n');
    expect([1, 2, 3].map(moved)).toEqual([3, 4, 5]);
  });

  test('lines after a block that got shorter move up', () => {
    const moved = lineMapper('call(\n  x,\n  y,\n);\nafter\n', 'call(x, y);\nafter\n');
    expect(moved(5)).toBe(2);
  });

  test('a rewritten line maps to the first line of what replaced it', () => {
    const moved = lineMapper('keep\ncall(x, y);\nend\n', 'keep\ncall(\n  x,\n  y,\n);\nend\n');
    expect(moved(2)).toBe(2);
    expect(moved(3)).toBe(6);
  });

  test('lines that swapped places each find their new line', () => {
    const moved = lineMapper("import b from 'b';\nimport a from 'a';\nuse(a, b);\n", "import a from 'a';\nimport b from 'b';\nuse(a, b);\n");
    expect(moved(2)).toBe(1);
    expect(moved(3)).toBe(3);
  });
});
