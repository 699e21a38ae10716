import fs from 'node:fs';
import path from 'node:path';
import { parseConfig } from '../../src/config/load-config';
import { configJsonSchema } from '../../src/config/schema';
import { SsotError } from '../../src/errors';

const ROOT = path.join(__dirname, '..', '..');

function errorOf(config: unknown): string {
  try {
    parseConfig(JSON.stringify(config), 'ssot.config.json');
  } catch (error) {
    expect(error).toBeInstanceOf(SsotError);
    return (error as SsotError).message;
  }
  throw new Error('expected the config to be refused');
}

const minimal = { canonical: { module: 'src/unified_manager.ts' } };

describe('config validation', () => {
  it('accepts a minimal config and fills the defaults', () => {
    const config = parseConfig(JSON.stringify(minimal), 'ssot.config.json');
    expect(config.legacy).toEqual([]);
    expect(config.moves).toEqual([]);
    expect(config.include.length).toBeGreaterThan(0);
  });

  it('names the field path and what was expected', () => {
    const message = errorOf({ ...minimal, legacy: [{ module: 'a.ts' }, { module: 'b.ts' }, { module: 'c.ts', exports: 'oops' }] });
    expect(message).toBe('ssot.config.json: legacy[2].exports: expected an object, got a string ("oops")');
  });

  it('says which field is missing', () => {
    expect(errorOf({ legacy: [] })).toBe('ssot.config.json: canonical: required, expected an object');
    expect(errorOf({ ...minimal, moves: [{ from: { module: 'a.ts' }, to: { module: 'b.ts', export: 'B' } }] })).toBe(
      'ssot.config.json: moves[0].from.export: required, expected a string',
    );
  });

  it('refuses unknown fields, so a typo cannot silently match nothing', () => {
    expect(errorOf({ ...minimal, legacyy: [] })).toBe('ssot.config.json: (root): unknown field "legacyy"');
    expect(errorOf({ ...minimal, legacy: [{ module: 'a.ts', export: {} }] })).toBe('ssot.config.json: legacy[0]: unknown field "export"');
  });

  it('refuses a rename to something other than a name or null', () => {
    expect(errorOf({ ...minimal, legacy: [{ module: 'a.ts', exports: { A: 3 } }] })).toBe('ssot.config.json: legacy[0].exports.A: expected a string or null, got a number (3)');
  });

  it('reports JSON syntax errors with the file name', () => {
    expect(() => parseConfig('{ "canonical": ', 'repo/ssot.config.json')).toThrow(/^repo\/ssot\.config\.json:1:15: not valid JSON/);
  });

  it('accepts the configs shipped with the example and the fixtures', () => {
    for (const file of ['examples/websocket-core/ssot.config.json', '__testfixtures__/imports/ssot.config.json']) {
      expect(() => parseConfig(fs.readFileSync(path.join(ROOT, file), 'utf8'), file)).not.toThrow();
    }
  });
});

describe('published JSON Schema', () => {
  it('is the zod schema, as committed (run `npm run schema` after changing it)', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'ssot.config.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(configJsonSchema())));
  });

  it('describes every top-level field the loader accepts', () => {
    const schema = configJsonSchema() as { properties: Record<string, unknown>; additionalProperties: unknown };
    expect(Object.keys(schema.properties).sort()).toEqual(['$schema', 'canonical', 'exclude', 'facades', 'factories', 'format', 'include', 'legacy', 'moves', 'signatures', 'transforms', 'tsconfig']);
    expect(schema.additionalProperties).toBe(false);
  });
});
