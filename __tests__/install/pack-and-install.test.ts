// The package as a user gets it: `npm pack` on a checkout without dist/ (prepack builds it), the
// tarball installed into a fresh project, and `npx ssot-migrate` run there on a small repo. No
// network: the project's lockfile is ours minus the dev dependencies, so `npm ci --offline`
// takes every dependency from the npm cache that this checkout's own `npm ci` filled.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeRepo, ROOT, smallRepoFiles, type TempRepo } from '../helpers/cli-repo';

// One build, one pack, one install: about a minute on a shared 2-core machine.
jest.setTimeout(600_000);

interface PackedFile {
  path: string;
}

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  resolved?: string;
  link?: boolean;
  version?: string;
  [field: string]: unknown;
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  license: string;
  bin: Record<string, string>;
  engines: Record<string, string>;
  dependencies: Record<string, string>;
};

function run(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, [...args], {
    cwd,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}) in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The files a fresh clone has (tracked, or new and not ignored), tests and examples aside. */
function copyCheckout(target: string): void {
  const listed = run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], ROOT).split('\0');
  for (const file of listed) {
    if (file === '' || /^(__tests__|__testfixtures__|examples)\//.test(file)) continue;
    const source = path.join(ROOT, file);
    if (!fs.existsSync(source)) continue;
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.copyFileSync(source, path.join(target, file));
  }
  // The build tools of the checkout, as `npm ci` would have installed them.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(target, 'node_modules'), 'dir');
}

/**
 * Where the registry keeps a package's tarball. A lockfile written with npm's
 * omit-lockfile-registry-resolved has none, and npm would ask the registry for it; with the
 * address and the integrity, the tarball comes from the cache.
 */
function registryTarball(location: string, entry: LockEntry): string | undefined {
  if (typeof entry.version !== 'string' || entry.link) return undefined;
  const name = location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const registry = (process.env.npm_config_registry ?? 'https://registry.npmjs.org/').replace(/\/?$/, '/');
  return `${registry}${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
}

/** A project that depends on the tarball, with a lockfile naming exactly our runtime dependencies. */
function writeProject(project: string, tarball: string): void {
  const spec = `file:${path.relative(project, tarball)}`;
  const ours = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const packages: Record<string, unknown> = {
    '': { name: 'install-check', dependencies: { [manifest.name]: spec } },
    [`node_modules/${manifest.name}`]: { version: manifest.version, resolved: spec, license: manifest.license, dependencies: manifest.dependencies, bin: manifest.bin, engines: manifest.engines },
  };
  for (const [location, entry] of Object.entries(ours.packages)) {
    if (location !== '' && !entry.dev && !entry.devOptional) packages[location] = { ...entry, resolved: entry.resolved ?? registryTarball(location, entry) };
  }
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'install-check', private: true, dependencies: { [manifest.name]: spec } }, null, 2));
  fs.writeFileSync(path.join(project, 'package-lock.json'), JSON.stringify({ name: 'install-check', lockfileVersion: 3, requires: true, packages }, null, 2));
}

describe('npm pack, then install the tarball in a project', () => {
  let work: string;
  let packed: string[];
  let project: string;
  let repo: TempRepo;

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-install-'));
    const checkout = path.join(work, 'checkout');
    copyCheckout(checkout);
    const [report] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], checkout)) as { filename: string; files: PackedFile[] }[];
    packed = report!.files.map((file) => file.path);
    project = path.join(work, 'project');
    fs.mkdirSync(project);
    writeProject(project, path.join(work, report!.filename));
    run('npm', ['ci', '--offline'], project);
    repo = makeRepo({ ...smallRepoFiles(), 'src/a.ts': "import { WebSocketManager } from './websocket_manager';\nexport const a = new WebSocketManager();\n" });
  });
  afterAll(() => {
    repo?.remove();
    if (work && !process.env.SSOT_KEEP_TMP) fs.rmSync(work, { recursive: true, force: true });
  });

  it('the tarball carries the bin, the build prepack made, the schema and the docs', () => {
    for (const file of [
      'package.json',
      'README.md',
      'MIGRATION.md',
      'bin/ssot-migrate.js',
      'dist/src/cli/bin.js',
      'dist/src/cli/main.js',
      'dist/transforms/index.js',
      'schema/ssot.config.schema.json',
    ]) {
      expect(packed).toContain(file);
    }
  });

  it('and nothing of the sources, tests or examples', () => {
    expect(packed.filter((file) => /^(src|transforms|__tests__|__testfixtures__|examples|scripts)\//.test(file) || /(^|\/)tsconfig[^/]*\.json$/.test(file))).toEqual([]);
  });

  it('npx ssot-migrate --version prints the version', () => {
    expect(run('npx', ['--offline', 'ssot-migrate', '--version'], project)).toBe(`${manifest.version}\n`);
  });

  it('npx ssot-migrate scan counts a small repo', () => {
    const result = spawnSync('npx', ['--offline', 'ssot-migrate', 'scan', '--format', 'json', '--repo', repo.root], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.stderr).not.toMatch(/internal error|Cannot find/);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { counts: { phase: string; total: number }[] };
    expect(report.counts.find((count) => count.phase === 'imports')?.total).toBeGreaterThan(0);
  });
});
