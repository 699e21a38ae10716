// A list written anew takes the file's own style: the spacing in its import lists' braces, and
// the layout of its first multi-line one. Object literals elsewhere on an export line say nothing.
import { fileListStyle } from '../../transforms/shared/list-layout';

describe("a file's list style", () => {
  it('reads the padding of an import list, not of an object literal on an export line', () => {
    expect(fileListStyle("export const options = get({}, 'a');\nimport {a} from './a';\n").padding).toBe('');
    expect(fileListStyle("export const options = get({}, 'a');\nimport { a } from './a';\n").padding).toBe(' ');
  });

  it('reads the padding after a default binding or `type`', () => {
    expect(fileListStyle("import React, {useState} from 'react';\n").padding).toBe('');
    expect(fileListStyle("export type {Props} from './props';\n").padding).toBe('');
  });

  it('is spaced when the file has no list to copy', () => {
    expect(fileListStyle("import get from 'lodash/get.js';\nexport const v = get({}, 'a');\n").padding).toBe(' ');
  });

  it('takes the layout of a multi-line import list, not of an exported object', () => {
    const source = "export const config = {\n\tretries: 3,\n};\nimport {\n    a,\n    b\n} from './ab';\n";
    expect(fileListStyle(source)).toMatchObject({ indent: '    ', trailingComma: false });
  });
});
