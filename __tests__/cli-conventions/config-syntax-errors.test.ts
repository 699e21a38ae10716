// A config that is not JSON: the error names file:line:column of the mistake and says what is
// wrong there, as a compiler would, for every kind of syntax error a hand-edited file has.
import { parseConfig } from '../../src/config/load-config';
import { SsotError } from '../../src/errors';

const FILE = '/repo/ssot.config.json';

function syntaxError(text: string): SsotError {
  try {
    parseConfig(text, FILE);
  } catch (error) {
    if (error instanceof SsotError) return error;
    throw error;
  }
  throw new Error('parsed without an error');
}

describe('a JSON syntax error in the config', () => {
  it('a missing comma: the line and column of the next property', () => {
    const error = syntaxError('{\n  "include": ["**/*.ts"]\n  "canonical": { "module": "src/a.ts" }\n}\n');
    expect(error.code).toBe('CONFIG_INVALID_JSON');
    expect(error.message).toBe(`${FILE}:3:3: not valid JSON: expected ',' or '}' after property value`);
  });

  it('a trailing comma says JSON allows none', () => {
    const error = syntaxError('{\n  "include": ["**/*.ts"],\n}\n');
    expect(error.message).toBe(`${FILE}:3:1: not valid JSON: expected double-quoted property name (JSON allows no trailing comma)`);
  });

  it('a comment says JSON allows none', () => {
    const error = syntaxError('{\n  // the service\n  "include": ["**/*.ts"]\n}\n');
    expect(error.message).toBe(`${FILE}:2:3: not valid JSON: expected property name or '}' (JSON allows no comments)`);
  });

  it('a misspelt literal, which V8 reports without a position, is still located', () => {
    const error = syntaxError('{\n  "facades": { "detect": tru }\n}\n');
    // Right after "tru": the first character that no literal can continue with.
    expect(error.message).toBe(`${FILE}:2:29: not valid JSON: unexpected token ' '`);
  });

  it('a file that ends too early points at its end', () => {
    const error = syntaxError('{\n  "include": ["**/*.ts"]\n');
    expect(error.message).toBe(`${FILE}:2:25: not valid JSON: the file ends before the JSON does (a missing } or ]?)`);
  });

  it('a BOM does not shift the column', () => {
    const error = syntaxError('\uFEFF{ "include": ["**/*.ts"] "x": 1 }');
    expect(error.message).toBe(`${FILE}:1:26: not valid JSON: expected ',' or '}' after property value`);
  });

  it('CRLF line endings count as one line break', () => {
    const error = syntaxError('{\r\n  "include": ["**/*.ts"],\r\n}\r\n');
    expect(error.message).toMatch(new RegExp(`^${FILE}:3:1: `));
  });
});
