// Reads ssot.config.json and validates it; every error names the file and the field path.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SsotError } from '../errors.js';
import { locateJsonSyntaxError } from './json-syntax-error.js';
import { configSchema, type SsotConfig } from './schema.js';

export const CONFIG_FILE_NAME = 'ssot.config.json';

export interface LoadedConfig {
  config: SsotConfig;
  /** Absolute path of the file it came from. */
  file: string;
}

/** Loads `configPath` (relative to the working directory) or `ssot.config.json` in the repo. */
export function loadConfig(repoRoot: string, configPath?: string): LoadedConfig {
  const file = configPath ? path.resolve(configPath) : path.join(repoRoot, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SsotError('CONFIG_NOT_FOUND', `${file}: no config file found`, { file });
    throw new SsotError('CONFIG_UNREADABLE', `${file}: cannot read the config (${code ?? String(error)})`, { file });
  }
  return { config: parseConfig(text, file), file };
}

/** Parses and validates config text; `file` only names the source in errors. */
export function parseConfig(text: string, file: string): SsotConfig {
  let raw: unknown;
  const json = text.replace(/^\uFEFF/, '');
  try {
    raw = JSON.parse(json);
  } catch (error) {
    const { line, column, problem } = locateJsonSyntaxError(json, error as Error);
    throw new SsotError('CONFIG_INVALID_JSON', `${file}:${line}:${column}: not valid JSON: ${problem}`, { file });
  }
  const parsed = configSchema.safeParse(raw, { error: messageOf });
  if (!parsed.success) {
    // One line, as zod's prettifier names a field (`legacy[2].exports`), for the first issue.
    const first = parsed.error.issues[0]!;
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
    throw new SsotError('CONFIG_INVALID', `${file}: ${z.core.toDotPath(first.path) || '(root)'}: ${first.message}${more}`, { file });
  }
  return parsed.data;
}

/**
 * Our wording where it says more than zod's: the value found (`expected an object, got a string
 * ("oops")`), a missing field as required, plain words for types, and every type a union
 * accepts. Other issues (an enum, a discriminator, the schema's own messages) keep zod's.
 */
function messageOf(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `required, expected ${article(issue.expected)}`;
      return `expected ${article(issue.expected)}, got ${describeValue(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array') return `expected at least ${String(issue.minimum)} item(s)`;
      return issue.origin === 'string' && Number(issue.minimum) === 1 ? 'must not be empty' : undefined;
    case 'invalid_union': {
      // Each alternative that failed on the value's type says which type it wanted.
      const expected = issue.errors.map(([only, ...others]) => (others.length === 0 && only?.code === 'invalid_type' && only.path.length === 0 ? only.expected : undefined));
      if (expected.length === 0 || expected.some((type) => type === undefined)) return undefined;
      return `expected ${expected.map((type) => article(type!)).join(' or ')}, got ${describeValue(issue.input)}`;
    }
    default:
      return undefined;
  }
}

function article(expected: string): string {
  const names: Record<string, string> = { record: 'an object', object: 'an object', array: 'an array', string: 'a string', number: 'a number', boolean: 'a boolean', null: 'null' };
  return names[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${article(typeof value)} (${JSON.stringify(value)})`;
}
