// One TypeScript for the whole tool: the compiler ts-morph ships. The type-aware phases and the
// type-check gate must never disagree because each loaded a different TypeScript.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/cli-repo';

/** Every .ts file under these folders of the package (what ships, compiled, to dist/). */
function sources(...folders: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) found.push(full);
    }
  };
  for (const folder of folders) if (fs.existsSync(path.join(ROOT, folder))) walk(path.join(ROOT, folder));
  return found;
}

describe('one TypeScript', () => {
  it('the shipped code never loads the top-level typescript package (static import, import() or require)', () => {
    const loadsTypescript = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]typescript(?:\/[^'"]*)?['"]/;
    const offenders = sources('src', 'transforms', 'bin')
      .filter((file) => loadsTypescript.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  it('typescript is a build tool only (a devDependency pinned to 5.9), not a runtime dependency', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(manifest.dependencies).not.toHaveProperty('typescript');
    expect(manifest.dependencies).toHaveProperty('ts-morph');
    expect(manifest.devDependencies.typescript).toBe('~5.9');
  });

  it('the gate loads the very TypeScript ts-morph uses, with its standard library', async () => {
    const { loadTypeScript } = await import('../../src/engine/typescript');
    const loaded = await loadTypeScript();
    expect(loaded.ts).toBe((await import('ts-morph')).ts);
    expect(loaded.libFiles.get(loaded.ts.getDefaultLibFileName({ target: loaded.ts.ScriptTarget.ES2022 }))).toContain('/// <reference lib="es2022" />');
    expect(loaded.libFiles.get('lib.es2015.promise.d.ts')).toContain('interface PromiseConstructor');
  });
});
