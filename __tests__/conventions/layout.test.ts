// Registry, transform files, fixtures, tests and MIGRATION.md must not drift apart.
import fs from 'node:fs';
import path from 'node:path';
import { PHASES } from '../../transforms/index';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe.each(PHASES.map((entry) => [entry.id, entry] as const))('phase %s', (id, entry) => {
  it('has meta matching its registry entry', () => {
    expect(entry.phase.meta.id).toBe(id);
    expect(entry.phase.meta.title).toBe(entry.title);
  });

  it('lives in transforms/<id>/<full-name>.ts', () => {
    expect(fs.existsSync(path.join(ROOT, 'transforms', id, `${entry.title.replace(/ /g, '-')}.ts`))).toBe(true);
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

describe('transforms/', () => {
  const phaseFolders = PHASES.map((entry) => entry.id as string);

  it('holds one folder per phase, shared/ and the registry, nothing else', () => {
    const entries = fs.readdirSync(path.join(ROOT, 'transforms')).sort();
    expect(entries).toEqual([...phaseFolders, 'index.ts', 'shared'].sort());
  });

  it('keeps in shared/ only what two or more phases use', () => {
    const sharedModules = fs.readdirSync(path.join(ROOT, 'transforms', 'shared')).map((name) => name.replace(/\.ts$/, ''));
    const usersOf = (module: string): string[] =>
      phaseFolders.filter((folder) => fs.readdirSync(path.join(ROOT, 'transforms', folder)).some((name) => read(`transforms/${folder}/${name}`).includes(`/shared/${module}.js'`)));
    // A shared module counts as used by a phase when the phase imports it directly or through another shared module.
    const sharedUsers = (module: string, seen = new Set<string>()): Set<string> => {
      const users = new Set(usersOf(module));
      for (const other of sharedModules) {
        if (other === module || seen.has(other) || !read(`transforms/shared/${other}.ts`).includes(`./${module}.js'`)) continue;
        for (const user of sharedUsers(other, new Set([...seen, module]))) users.add(user);
      }
      return users;
    };
    const singleUse = sharedModules.filter((module) => sharedUsers(module).size < 2);
    expect(singleUse).toEqual([]);
  });

  it('never lets one phase import another phase', () => {
    const crossings = phaseFolders.flatMap((folder) =>
      fs.readdirSync(path.join(ROOT, 'transforms', folder)).flatMap((name) => {
        const text = read(`transforms/${folder}/${name}`);
        return phaseFolders.filter((other) => other !== folder && text.includes(`'../${other}/`)).map((other) => `${folder}/${name} → ${other}`);
      }),
    );
    expect(crossings).toEqual([]);
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
