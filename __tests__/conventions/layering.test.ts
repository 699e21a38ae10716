// bin → cli → engine → transforms; reporters read only the result types. Checked on the
// import statements of every source file, so a shortcut across layers fails here.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  const absolute = path.join(ROOT, folder);
  return fs.readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((match) => match[1]!);
  return specifiers.filter((specifier) => specifier.startsWith('.')).map((specifier) => path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)));
}

const RULES: Array<{ from: RegExp; mayNotImport: RegExp; why: string }> = [
  { from: /^src\/cli\//, mayNotImport: /^transforms\//, why: 'the CLI reaches the phases through the engine' },
  { from: /^src\/engine\//, mayNotImport: /^src\/(cli|reporters)\//, why: 'the engine never prints' },
  { from: /^src\/reporters\//, mayNotImport: /^(src\/(cli|engine|config)|transforms)\//, why: 'reporters are pure functions of the result' },
  { from: /^transforms\//, mayNotImport: /^src\/(cli|engine|reporters|init)\//, why: 'transforms are pure and know nothing of the engine' },
  { from: /^src\/phase-api\//, mayNotImport: /^(src\/(cli|engine|reporters|init)|transforms)\//, why: 'the phase API sits below the engine and the phases' },
  { from: /^src\/init\//, mayNotImport: /^src\/(cli|reporters)\//, why: 'init discovery returns data; the CLI prints it' },
  { from: /^src\/(config|result)\//, mayNotImport: /^(src\/(cli|engine|reporters)|transforms)\//, why: 'config and result types are leaves' },
];

describe('layering', () => {
  const files = [...sourceFiles('src'), ...sourceFiles('transforms')];

  it.each(RULES.map((rule) => [rule.why, rule] as const))('%s', (_why, rule) => {
    const violations = files
      .filter((file) => rule.from.test(file))
      .flatMap((file) => importsOf(file).filter((target) => rule.mayNotImport.test(target)).map((target) => `${file} → ${target}`));
    expect(violations).toEqual([]);
  });

  it('keeps process and console out of the engine, init discovery and the transforms', () => {
    const offenders = files
      .filter((file) => /^(src\/engine|src\/init|transforms)\//.test(file))
      .filter((file) => /\b(process\.(?!env\b)|console\.)/.test(fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\/.*$/gm, '')));
    expect(offenders).toEqual([]);
  });

  it('keeps the bin to one import', () => {
    const bin = fs.readFileSync(path.join(ROOT, 'bin', 'ssot-migrate.js'), 'utf8');
    expect(bin.split('\n').filter((line) => line.trim() && !line.startsWith('#!')).length).toBeLessThanOrEqual(2);
  });
});
