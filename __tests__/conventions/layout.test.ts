// Registry, transform files, fixtures, tests and MIGRATION.md must not drift apart.
import fs from 'node:fs';
import path from 'node:path';
import { PHASES } from '../../transforms/index';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe.each(PHASES.filter((entry) => entry.phase !== undefined).map((entry) => [entry.id, entry] as const))('built phase %s', (id, entry) => {
  it('has meta matching its registry entry', () => {
    expect(entry.phase!.meta.id).toBe(id);
    expect(entry.phase!.meta.title).toBe(entry.title);
  });

  it('lives in transforms/<full-name>.ts', () => {
    expect(fs.existsSync(path.join(ROOT, 'transforms', `${entry.title.replace(/ /g, '-')}.ts`))).toBe(true);
  });

  it('has a fixture folder with input/output pairs', () => {
    const names = fs.readdirSync(path.join(ROOT, '__testfixtures__', id));
    expect(names.filter((name) => name.includes('.input.')).length).toBeGreaterThan(0);
    for (const output of names.filter((name) => name.includes('.output.'))) {
      expect(names).toContain(output.replace('.output.', '.input.'));
    }
  });

  it('has a test file', () => {
    expect(fs.existsSync(path.join(ROOT, '__tests__', 'transforms', `${id}.test.ts`))).toBe(true);
  });

  it('has a MIGRATION.md section', () => {
    expect(read('MIGRATION.md')).toMatch(new RegExp(`^## Phase \\d: \`${id}\``, 'm'));
  });
});

describe('the registry', () => {
  it('lists the four phases in the order they run', () => {
    expect(PHASES.map((entry) => entry.id)).toEqual(['imports', 'facades', 'signatures', 'factories']);
  });
});

describe('README', () => {
  it('opens with the two commands a newcomer needs', () => {
    const commands = read('README.md').match(/```(?:sh|bash)?\n([\s\S]*?)```/)?.[1] ?? '';
    expect(commands).toContain('npm ci && npm run demo');
    expect(commands).toContain('npm test');
  });
});
