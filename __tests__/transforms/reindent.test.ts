import { reindent } from '../../transforms/shared/ast-edits';

describe('reindent', () => {
  it('moves the later lines of a text from one indentation to another, the first line as it is', () => {
    expect(reindent('call(\n    a,\n    b,\n  )', '  ', '      ')).toBe('call(\n        a,\n        b,\n      )');
    expect(reindent('call(\r\n  a,\r\n)', '', '\t')).toBe('call(\r\n\t  a,\r\n\t)');
  });

  it('leaves blank lines blank, so no line is left holding only spaces', () => {
    expect(reindent('first(a);\n\nsecond(b);', '', '    ')).toBe('first(a);\n\n    second(b);');
  });

  it('leaves a line indented less than the text it moves, and a text whose indentations are unknown', () => {
    expect(reindent('`a\nb`', '  ', '    ')).toBe('`a\nb`');
    expect(reindent('a(\n  b)', undefined, '  ')).toBe('a(\n  b)');
  });
});
