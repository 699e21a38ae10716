// The native resolver must mean what TypeScript means by every specifier the fixtures and the
// example write: a disagreement would make a phase miss (or invent) a legacy import.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ts } from 'ts-morph';
import { builtinKey, ModuleResolver, packageKey } from '../../src/engine/module-resolver';
import { repoFileOf } from '../../src/engine/paths';
import { splitSpecifier } from '../../src/shared/specifier-parts';

const ROOT = path.join(__dirname, '..', '..');
const SOURCE = /\.(d\.)?[cm]?[jt]sx?$/;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bmock\s*\(\s*|^\s*import\s+)['"]([^'"\n]+)['"]/gm;

function sourceFiles(root: string, folder = ''): string[] {
  return fs.readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(root, relative);
    return SOURCE.test(entry.name) ? [relative] : [];
  });
}

/** What TypeScript resolves `specifier` to from `file`, keyed as the resolver keys it. */
function typescriptKey(repoRoot: string, file: string, specifier: string): string {
  const configFile = path.join(repoRoot, 'tsconfig.json');
  let options: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, allowJs: true };
  if (fs.existsSync(configFile)) {
    const read = ts.readConfigFile(configFile, ts.sys.readFile);
    options = { ...ts.parseJsonConfigFileContent(read.config, { ...ts.sys, readDirectory: () => [] }, repoRoot).options, allowJs: true };
    options.moduleResolution ??= ts.ModuleResolutionKind.Node10;
  }
  const resolved = ts.resolveModuleName(specifier, path.join(repoRoot, file), options, ts.sys).resolvedModule;
  // @types/node declares each built-in under both spellings, `fs` and `node:fs`: one module.
  return (resolved && repoFileOf(repoRoot, resolved.resolvedFileName)) ?? (resolved ? packageKey(specifier) : (builtinKey(specifier) ?? packageKey(specifier)));
}

function repoRootsUnder(folder: string): string[] {
  const absolute = path.join(ROOT, folder);
  const here = fs.existsSync(path.join(absolute, 'tsconfig.json')) || fs.existsSync(path.join(absolute, 'ssot.config.json')) ? [folder] : [];
  const below = fs
    .readdirSync(absolute, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules')
    .flatMap((entry) => repoRootsUnder(`${folder}/${entry.name}`).filter((root) => !here.some((parent) => root.startsWith(`${parent}/`) && !/\/(input|output)$/.test(root))));
  return [...here, ...below];
}

const repos = ['examples/websocket-core', ...repoRootsUnder('__testfixtures__')];

describe.each(repos)('module resolution in %s', (repo) => {
  it('agrees with TypeScript on every specifier the files write', () => {
    const repoRoot = path.join(ROOT, repo);
    const resolver = new ModuleResolver({ repoRoot });
    const disagreements: string[] = [];
    let checked = 0;
    for (const file of sourceFiles(repoRoot)) {
      const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
      for (const [, specifier] of text.matchAll(SPECIFIER)) {
        checked += 1;
        const ours = resolver.resolve(specifier!, file).key;
        // A bundler's loader prefix or query (`./x?raw`) is not part of the module's path: TypeScript resolves the path.
        const parts = splitSpecifier(specifier!);
        const theirs = parts.prefix || parts.suffix ? typescriptKey(repoRoot, file, parts.path) : typescriptKey(repoRoot, file, specifier!);
        if (ours !== theirs) disagreements.push(`${file}: '${specifier}' → ${ours}, TypeScript: ${theirs}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });
});

describe('a tsconfig that extends another', () => {
  it('takes paths and baseUrl from the chain, relative to the file that declared them', () => {
    const repoRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-resolver-'));
    fs.mkdirSync(path.join(repoRoot, 'config'));
    fs.mkdirSync(path.join(repoRoot, 'config', 'lib'));
    fs.mkdirSync(path.join(repoRoot, 'src'));
    fs.writeFileSync(path.join(repoRoot, 'config', 'tsconfig.base.json'), '{ "compilerOptions": { "paths": { "@lib/*": ["./lib/*"] } } }\n');
    fs.writeFileSync(path.join(repoRoot, 'tsconfig.json'), '{\n  // comments are allowed in a tsconfig\n  "extends": "./config/tsconfig.base.json",\n  "compilerOptions": { "strict": true },\n}\n');
    fs.writeFileSync(path.join(repoRoot, 'config', 'lib', 'thing.ts'), 'export const thing = 1;\n');
    fs.writeFileSync(path.join(repoRoot, 'src', 'use.ts'), "import { thing } from '@lib/thing';\n");
    const resolver = new ModuleResolver({ repoRoot });
    expect(resolver.aliases).toEqual([{ pattern: '@lib/*', targets: ['config/lib/*'] }]);
    expect(resolver.resolve('@lib/thing', 'src/use.ts')).toEqual({ key: 'config/lib/thing.ts', isFile: true });
    expect(typescriptKey(repoRoot, 'src/use.ts', '@lib/thing')).toBe('config/lib/thing.ts');
  });
});

describe('package specifiers', () => {
  const repoRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-resolver-'));
  fs.mkdirSync(path.join(repoRoot, 'src'));
  // An installed package `lib` with a subpath file.
  fs.mkdirSync(path.join(repoRoot, 'node_modules', 'lib'), { recursive: true });
  fs.writeFileSync(path.join(repoRoot, 'node_modules', 'lib', 'package.json'), '{ "name": "lib", "version": "1.0.0" }\n');
  fs.writeFileSync(path.join(repoRoot, 'node_modules', 'lib', 'Thing.js'), 'exports.Old = 1;\n');
  const resolver = new ModuleResolver({ repoRoot });
  afterAll(() => fs.rmSync(repoRoot, { recursive: true, force: true }));

  it('key a subpath without its extension, keeping the spelling it was written with', () => {
    expect(resolver.resolve('date-lib/format.js', 'src/a.ts')).toEqual({ key: 'date-lib/format', isFile: false, specifier: 'date-lib/format.js' });
    expect(resolver.resolve('date-lib/format', 'src/a.ts')).toEqual({ key: 'date-lib/format', isFile: false });
    expect(resolver.resolve('@acme/kit/button.mjs', 'src/a.ts')).toEqual({ key: '@acme/kit/button', isFile: false, specifier: '@acme/kit/button.mjs' });
  });

  it('keep a package name with a dot, a specifier with loader parts and a built-in as they are', () => {
    expect(resolver.resolve('chart.js', 'src/a.ts')).toEqual({ key: 'chart.js', isFile: false });
    expect(resolver.resolve('@scope/ui.js', 'src/a.ts')).toEqual({ key: '@scope/ui.js', isFile: false });
    expect(resolver.resolve('lib/data.js?raw', 'src/a.ts')).toEqual({ key: 'lib/data.js?raw', isFile: false });
    expect(resolver.resolve('fs/promises', 'src/a.ts')).toEqual({ key: 'node:fs/promises', isFile: false });
  });

  it('take a config name with a .js extension for a package subpath when it is scoped or installed, and any other for a repo path', () => {
    expect(resolver.resolveConfigModule('@acme/kit/button.mjs', 'moves[0].to.module')).toEqual({ key: '@acme/kit/button', isFile: false, specifier: '@acme/kit/button.mjs' });
    expect(resolver.resolveConfigModule('lib/Thing.js', 'moves[0].from.module')).toEqual({ key: 'lib/Thing', isFile: false, specifier: 'lib/Thing.js' });
    // A misspelt repo path is an error, never taken for a package.
    expect(() => resolver.resolveConfigModule('scr/strings.ts', 'legacy[0].to')).toThrow('legacy[0].to: no file "scr/strings.ts" in the repo');
    expect(() => resolver.resolveConfigModule('scr/strings.js', 'legacy[0].to')).toThrow('legacy[0].to: no file "scr/strings.js" in the repo');
    expect(() => resolver.resolveConfigModule('unifed.ts', 'canonical.module')).toThrow('canonical.module: no file "unifed.ts" in the repo');
  });
});
