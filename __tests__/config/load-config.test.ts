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

  it('accepts moves alone, with no canonical module', () => {
    const config = parseConfig(JSON.stringify({ moves: [{ from: { module: 'lib', export: 'old' }, to: { module: 'lib', export: 'renamed' } }] }), 'ssot.config.json');
    expect(config.canonical).toBeUndefined();
    expect(config.keepLocalNames).toBe(false);
  });

  it('names the field path and what was expected', () => {
    const message = errorOf({ ...minimal, legacy: [{ module: 'a.ts' }, { module: 'b.ts' }, { module: 'c.ts', exports: 'oops' }] });
    expect(message).toBe('ssot.config.json: legacy[2].exports: expected an object, got a string ("oops")');
  });

  it('says which field is missing', () => {
    expect(errorOf({ legacy: [] })).toBe(
      'ssot.config.json: canonical: required, unless the config lists moves, legacy modules with a "to", facades.discover "barrels", signatures, factories or transforms',
    );
    expect(errorOf({ legacy: [{ module: 'a.ts' }] })).toBe('ssot.config.json: legacy[0].to: required when the config names no canonical module');
    expect(errorOf({ ...minimal, moves: [{ from: { module: 'a.ts' }, to: { module: 'b.ts', export: 'B' } }] })).toBe('ssot.config.json: moves[0].from.export: required, expected a string');
  });

  it('refuses unknown fields, so a typo cannot silently match nothing', () => {
    expect(errorOf({ ...minimal, legacyy: [] })).toBe('ssot.config.json: (root): unknown field "legacyy"');
    expect(errorOf({ ...minimal, legacy: [{ module: 'a.ts', export: {} }] })).toBe('ssot.config.json: legacy[0]: unknown field "export"');
  });

  it('takes package names for specifiers.groups, each in one group', () => {
    expect(
      errorOf({
        ...minimal,
        specifiers: {
          groups: [
            ['lodash', 'lodash-es'],
            ['underscore', 'lodash'],
          ],
        },
      }),
    ).toBe('ssot.config.json: specifiers.groups[1][1]: "lodash" is already in specifiers.groups[0]');
    expect(errorOf({ ...minimal, specifiers: { groups: [['lodash', './vendor/lodash']] } })).toMatch(/^ssot\.config\.json: specifiers\.groups\[0\]\[1\]: a package name/);
    expect(errorOf({ ...minimal, specifiers: { groups: [['lodash']] } })).toMatch(/^ssot\.config\.json: specifiers\.groups\[0\]: /);
  });

  it('refuses a rename to something other than a name or null', () => {
    expect(errorOf({ ...minimal, legacy: [{ module: 'a.ts', exports: { A: 3 } }] })).toBe('ssot.config.json: legacy[0].exports.A: expected a string or null, got a number (3)');
  });

  it('names the variants a tagged union accepts when the tag fits none, and the field a variant lacks', () => {
    const factories = { factory: { module: 'src/u.ts', export: 'create' }, contextType: { module: 'src/u.ts', export: 'Context' } };
    expect(errorOf({ ...minimal, factories: { ...factories, patterns: [{ kind: 'singelton', class: { module: 'src/u.ts', export: 'U' } }] } })).toBe(
      "ssot.config.json: factories.patterns[0].kind: Invalid discriminator value. Expected 'construct' | 'singleton' | 'accessor'",
    );
    expect(errorOf({ ...minimal, factories: { ...factories, patterns: [{ kind: 'accessor' }] } })).toBe('ssot.config.json: factories.patterns[0].function: required, expected an object');
  });

  it('lists the values a field allows', () => {
    expect(errorOf({ ...minimal, format: 'prettiest' })).toBe('ssot.config.json: format: Invalid option: expected one of "auto"|"prettier"|"biome"|"none"');
  });

  it('says an empty name must not be empty, and quotes a key that is not a plain name', () => {
    expect(errorOf({ ...minimal, canonical: { module: '' } })).toBe('ssot.config.json: canonical.module: must not be empty');
    expect(errorOf({ ...minimal, legacy: [{ module: 'a.ts', exports: { 'old-name': false } }] })).toBe(
      'ssot.config.json: legacy[0].exports["old-name"]: expected a string or null, got a boolean (false)',
    );
  });

  it("keeps the schema's own messages and counts the issues after the first", () => {
    expect(errorOf({ ...minimal, transforms: [{ id: 'imports', module: './t.ts', terms: ['x'] }] })).toBe(
      'ssot.config.json: transforms[0].id: "imports" is a built-in phase; give the transform another id',
    );
    expect(errorOf({ legacy: 3, moves: {} })).toBe('ssot.config.json: legacy: expected an array, got a number (3) (and 1 more)');
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
    expect(Object.keys(schema.properties).sort()).toEqual([
      '$schema',
      'canonical',
      'exclude',
      'facades',
      'factories',
      'format',
      'include',
      'keepLocalNames',
      'legacy',
      'moves',
      'renamePublicExports',
      'signatures',
      'specifiers',
      'transforms',
      'tsconfig',
    ]);
    expect(schema.additionalProperties).toBe(false);
  });
});
