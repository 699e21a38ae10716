// What other programs read: the config's JSON Schema explains every field (editors show it on
// hover), and the JSON outputs say which version of their shape they are.
import fs from 'node:fs';
import path from 'node:path';
import { configJsonSchema } from '../../src/config/schema';
import { makeRepo, ROOT, smallRepoFiles, type TempRepo } from '../helpers/cli-repo';
import { runMain } from './main-cases';

type SchemaNode = { [key: string]: unknown };

/** Every property of every object in the schema, as a path, that has no description. */
function undescribed(node: unknown, where: string, out: string[]): string[] {
  if (Array.isArray(node)) {
    node.forEach((child, index) => undescribed(child, `${where}|${index}`, out));
    return out;
  }
  if (node === null || typeof node !== 'object') return out;
  const schema = node as SchemaNode;
  for (const [name, property] of Object.entries((schema.properties as Record<string, SchemaNode> | undefined) ?? {})) {
    if (typeof property.description !== 'string' || property.description === '') out.push(`${where}.${name}`);
    undescribed(property, `${where}.${name}`, out);
  }
  for (const key of ['items', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', '$defs', 'definitions']) {
    if (schema[key] !== undefined && typeof schema[key] === 'object') undescribed(schema[key], `${where}${key === 'items' ? '[]' : `.${key}`}`, out);
  }
  return out;
}

describe('the config JSON Schema', () => {
  it('describes every field, at every depth', () => {
    expect(undescribed(configJsonSchema(), '', [])).toEqual([]);
  });

  it('the published file describes every field too', () => {
    const published = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'ssot.config.schema.json'), 'utf8')) as unknown;
    expect(undescribed(published, '', [])).toEqual([]);
  });
});

describe('JSON outputs carry schemaVersion', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n" });
  });
  afterAll(() => repo.remove());

  it.each([
    ['scan --format json', ['scan', '--format', 'json']],
    ['run imports --format json', ['run', 'imports', '--format', 'json']],
  ])('%s: schemaVersion 2, the first field', async (_name, argv) => {
    const output = await runMain({ argv: [...argv, '--repo', repo.root] });
    const report = JSON.parse(output.stdout) as Record<string, unknown>;
    expect(report.schemaVersion).toBe(2);
    expect(Object.keys(report)[0]).toBe('schemaVersion');
  });
});
