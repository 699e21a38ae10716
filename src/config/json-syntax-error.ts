// Where a text stops being JSON, and what is wrong there, from the JSON.parse error: a config
// error says file:line:column as a compiler would.

export interface JsonSyntaxProblem {
  /** 1-based, counted in lines (LF, CRLF or CR) and characters of the text given. */
  line: number;
  column: number;
  /** What is wrong, as a lower-case phrase: "expected ',' or '}' after property value". */
  problem: string;
}

const END_OF_INPUT = /^Unexpected end of JSON input/;
const AT_POSITION = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/;
// V8 names an unexpected character without a position when it cannot start any token ("tru}").
const UNEXPECTED_TOKEN = /^(Unexpected token '.+?'), .* is not valid JSON$/s;

/** The location and the problem of `error`, thrown by JSON.parse(text). */
export function locateJsonSyntaxError(text: string, error: Error): JsonSyntaxProblem {
  const message = error.message;
  const end = text.trimEnd().length;
  const endsEarly = { ...lineAndColumn(text, end), problem: 'the file ends before the JSON does (a missing } or ]?)' };
  if (END_OF_INPUT.test(message)) return endsEarly;
  const positioned = AT_POSITION.exec(message);
  if (positioned) {
    const offset = Number(positioned[1]);
    if (offset >= end) return endsEarly;
    return { ...lineAndColumn(text, offset), problem: lowerFirst(message.slice(0, positioned.index)) + hint(text, offset) };
  }
  const unexpected = UNEXPECTED_TOKEN.exec(message);
  const offset = firstUnexpectedToken(text);
  if (unexpected && offset !== undefined) return { ...lineAndColumn(text, offset), problem: lowerFirst(unexpected[1]!) };
  return { line: 1, column: 1, problem: lowerFirst(message) };
}

/**
 * The offset of the first character no JSON can continue with: the shortest prefix that fails
 * with "Unexpected token" (shorter ones only end too early), found by halving.
 */
function firstUnexpectedToken(text: string): number | undefined {
  const fails = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      return /^Unexpected token/.test((error as Error).message);
    }
  };
  if (!fails(text.length)) return undefined;
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (fails(middle)) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

/** The two mistakes JSON does not forgive that other config formats do. */
function hint(text: string, offset: number): string {
  if (text.startsWith('//', offset) || text.startsWith('/*', offset)) return ' (JSON allows no comments)';
  const before = text.slice(0, offset).trimEnd();
  if (before.endsWith(',') && /^[}\]]/.test(text.slice(offset))) return ' (JSON allows no trailing comma)';
  return '';
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line: breaks.length + 1, column: offset - lineStart + 1 };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
