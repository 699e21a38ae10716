// Reads ssot.config.json and validates it; every error names the file and the field path.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
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
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
    throw new SsotError('CONFIG_INVALID', `${file}: ${describeIssue(first, raw)}${more}`, { file });
  }
  return parsed.data;
}

/** `legacy[2].exports: expected an object, got a string` */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const where = formatPath(issue.path) || '(root)';
  switch (issue.code) {
    case 'invalid_type': {
      const got = describeValue(valueAt(raw, issue.path));
      if (got === 'nothing') return `${where}: required, expected ${article(issue.expected)}`;
      return `${where}: expected ${article(issue.expected)}, got ${got}`;
    }
    case 'unrecognized_keys':
      return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    case 'too_small':
      return `${where}: ${issue.origin === 'array' ? `expected at least ${issue.minimum} item(s)` : 'must not be empty'}`;
    case 'invalid_union':
      return `${where}: expected a string or null, got ${describeValue(valueAt(raw, issue.path))}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

function article(expected: string): string {
  const names: Record<string, string> = { record: 'an object', object: 'an object', array: 'an array', string: 'a string', number: 'a number', boolean: 'a boolean', null: 'null' };
  return names[expected] ?? expected;
}

function valueAt(raw: unknown, segments: readonly PropertyKey[]): unknown {
  let value: unknown = raw;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${article(typeof value)} (${JSON.stringify(value)})`;
}
