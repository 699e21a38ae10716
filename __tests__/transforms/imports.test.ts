import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/load-config';
import { runEngine } from '../../src/engine/run-engine';
import { makeRepo } from '../helpers/cli-repo';
import { copyCrossFileCase, describeCrossFileCases, fixtureCases, readInput, transformFixture } from '../helpers/phase-fixtures';

const cases = fixtureCases('imports');

/** A cross-file case's scan, on a copy of its input. */
function scanCase(name: string): ReturnType<typeof runEngine> {
  const repoRoot = copyCrossFileCase('imports', name);
  try {
    const { config } = loadConfig(repoRoot);
    return runEngine({ repoRoot, config, command: 'scan', phases: ['imports'] });
  } finally {
    fs.rmSync(repoRoot, { recursive: true, force: true });
  }
}

describe('imports fixtures', () => {
  it('has fixture cases', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  describe.each(cases.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    const input = readInput('imports', fixture);
    // Run in beforeAll, not at collection: a crash is then a failing case with its name.
    let result: ReturnType<typeof transformFixture>;
    let output: string;
    beforeAll(() => {
      result = transformFixture('imports', fixture.input, input);
      output = result?.newText ?? input;
    });

    it(fixture.expected === undefined ? 'is left unchanged' : 'is rewritten as expected', () => {
      expect(result?.error).toBeUndefined();
      expect(output).toBe(fixture.expected ?? input);
    });

    it('changes nothing on a second run', () => {
      const second = transformFixture('imports', fixture.input, output);
      expect(second?.newText ?? output).toBe(output);
    });

    it('leaves nothing fixable behind, and exactly the manual items scan predicted', () => {
      const after = transformFixture('imports', fixture.input, output);
      expect((after?.findingsBefore ?? []).filter((finding) => finding.fixable)).toEqual([]);
      const manualKinds = (findings: Array<{ kind: string; fixable: boolean }> = []) =>
        findings
          .filter((finding) => !finding.fixable)
          .map((finding) => finding.kind)
          .sort();
      expect(manualKinds(after?.findingsBefore)).toEqual(manualKinds(result?.findingsBefore));
    });
  });
});

describe('imports detection', () => {
  const analyse = (name: string) => {
    const fixture = cases.find((candidate) => candidate.name === name)!;
    return transformFixture('imports', fixture.input, readInput('imports', fixture))! as ReturnType<typeof transformFixture> & object;
  };

  it('lists comments and strings that name a legacy path as mentions, not violations', () => {
    const result = analyse('mentions-only');
    expect(result.findingsBefore).toEqual([]);
    expect(result.mentions.map((mention) => [mention.where, mention.line])).toEqual([
      ['comment', 1],
      ['string', 2],
      ['string', 3],
    ]);
  });

  it('does not take a module whose name starts with a legacy name for the legacy module', () => {
    // The prefilter already sees that no specifier names a module of the migration.
    expect(analyse('prefix-decoy')?.findingsBefore ?? []).toEqual([]);
  });

  it('reports an export with no canonical counterpart as a manual item with its reason', () => {
    const result = analyse('partial-move');
    const manual = result.findingsAfter.filter((finding) => !finding.fixable);
    expect(manual.map((finding) => finding.kind).sort()).toEqual(['dual-import', 'no-counterpart']);
    expect(manual.find((finding) => finding.kind === 'no-counterpart')?.reason).toContain('"getWebSocketManager" has no canonical counterpart');
  });

  it('counts a canonical symbol imported through a barrel as an indirect import', () => {
    const kinds = analyse('barrel-import').findingsBefore.map((finding) => [finding.kind, finding.fixable]);
    // The barrel stays for a legacy name, so after the rewrite the file imports both: counted now.
    expect(kinds).toEqual([
      ['indirect-import', true],
      ['dual-import', false],
    ]);
  });

  it('counts a file importing both a legacy path and the canonical one once as a dual import', () => {
    const dual = analyse('merge-dual-import').findingsBefore.filter((finding) => finding.kind === 'dual-import');
    expect(dual).toHaveLength(1);
    expect(dual[0]).toMatchObject({ fixable: true, line: 2 });
  });

  it('leaves a namespace used as a value for a human', () => {
    const [finding] = analyse('namespace-as-value').findingsBefore;
    expect(finding).toMatchObject({ fixable: false, reason: expect.stringContaining('used as a value') });
  });

  it('names a require.resolve as such: a module path looked up, not a mock', () => {
    const [finding] = analyse('require-resolve').findingsBefore;
    expect(finding?.message).toBe('module path from legacy module lib/websocket_manager.ts (require.resolve); now from lib/unified_manager.ts');
  });

  it('leaves a star re-export of a package whose names partly move elsewhere, and whose exports cannot be read, for a human', () => {
    const result = scanCase('package-moves-out-of-namespace');
    const findings = result.files.find((file) => file.file === 'src/index.ts')?.findingsBefore ?? [];
    expect(findings.map((finding) => [finding.line, finding.fixable, finding.reason])).toEqual([[3, false, 'cannot read the exports of @material-ui/lab to re-export them explicitly']]);
  });

  it('reads a spy on a namespace member as a use of that member, and leaves a spy on one that moves for a person', () => {
    const result = scanCase('namespace-spied');
    const findings = (file: string) => (result.files.find((each) => each.file === file)?.findingsBefore ?? []).map((finding) => [finding.fixable, finding.reason]);
    expect(findings('src/a.test.ts')).toEqual([[true, undefined]]);
    expect(findings('src/b.test.ts')).toEqual([[false, 'a spy on coreModule.dehydrate, which moves to src/hydration.ts: move the spy by hand']]);
  });

  it('leaves a module object the code writes to for a human, naming the member written', () => {
    const result = scanCase('module-object-written');
    const findings = result.files.find((file) => file.file === 'lib/patch.js')?.findingsBefore ?? [];
    expect(findings.map((finding) => [finding.fixable, finding.reason])).toEqual([
      [false, 'the code writes legacy.alpha, which changes the module object of whatever module it names: rewrite it by hand'],
    ]);
    const destructured = result.files.find((file) => file.file === 'lib/swap.js')?.findingsBefore ?? [];
    expect(destructured.map((finding) => finding.fixable)).toEqual([false]);
  });

  it('leaves a lowercase JSX member that would be named on its own for a person', () => {
    const result = scanCase('namespace-jsx-tags');
    const findings = (file: string) => (result.files.find((each) => each.file === file)?.findingsBefore ?? []).map((finding) => [finding.fixable, finding.reason]);
    expect(findings('src/toolbar.tsx')).toEqual([[false, '<core.icon> would read as an HTML tag once named on its own: rewrite it by hand']]);
    expect(findings('src/group.tsx')).toEqual([[true, undefined]]);
  });

  it('leaves a mock of a path whose names move for a person, and holds the imports of the files its test loads', () => {
    const result = scanCase('mock-of-moved-default');
    const findings = result.files.flatMap((file) => file.findingsBefore).map((finding) => [finding.file, finding.fixable, finding.reason]);
    expect(findings).toEqual([
      ['src/search.spec.ts', false, 'this mock of lodash/debounce would no longer see default, which becomes lodash-es: move the mock by hand'],
      ['src/search.ts', false, 'held back with the mock of lodash/debounce at src/search.spec.ts:2: that test loads this file, and the mock needs a human first'],
    ]);
  });

  it('keeps a namespace read by a computed name as a manual item that says so', () => {
    const [finding] = analyse('namespace-computed-access').findingsBefore;
    expect(finding).toMatchObject({ fixable: false, line: 1, reason: '"legacy[…]" reads a member by a computed name, which cannot be followed: rewrite it by hand' });
  });
});

describeCrossFileCases('imports');

describe('a rename whose new name the file already uses', () => {
  it('keeps the local name, and the finding says why', () => {
    const result = scanCase('renames-in-place');
    const findings = result.files.find((file) => file.file === 'src/collide.ts')?.findingsBefore ?? [];
    expect(findings.map((finding) => [finding.message, finding.fixable, finding.reason])).toEqual([
      ['formatDate → format, renamed within date-kit (import)', true, 'the local name formatDate stays: format is already used in this file'],
    ]);
  });
});

describe('a mock left for a human', () => {
  it('holds back the references of the files its test loads, and says which mock', () => {
    const result = scanCase('held-mock-loaded-files');
    const findingsOf = (file: string) => result.files.find((entry) => entry.file === file)?.findingsBefore.map((finding) => [finding.fixable, finding.reason]);
    expect(findingsOf('src/shutdown.ts')).toEqual([[false, 'held back with the mock of src/old_timing.ts at src/shutdown.spec.ts:5: that test loads this file, and the mock needs a human first']]);
    // No test that mocks the module loads retry.ts.
    expect(findingsOf('src/retry.ts')).toEqual([[true, undefined]]);
    expect(findingsOf('src/uptime.ts')).toEqual([
      [true, undefined],
      [true, undefined],
    ]);
  });
});

describe('a name that moves between workspace packages', () => {
  // Three packages; pnpm links each dependency into the package that declares it, and none at the root.
  const files = {
    'ssot.config.json': JSON.stringify({ include: ['packages/*/src/**/*.ts'], moves: [{ from: { module: '@s/a', export: 'sleep' }, to: { module: '@s/b', export: 'sleep' } }] }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler' } }),
    'packages/a/package.json': JSON.stringify({ name: '@s/a', exports: { '.': './src/index.ts' } }),
    'packages/a/src/index.ts': 'export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));\n',
    'packages/b/package.json': JSON.stringify({ name: '@s/b', exports: { '.': './src/index.ts' } }),
    'packages/b/src/index.ts': 'export function sleep(ms: number): Promise<void> {\n  return new Promise((done) => setTimeout(done, ms));\n}\n',
    'packages/b/src/retry.ts': "import { sleep } from '@s/a';\n\nexport const pause = () => sleep(1);\n",
    'packages/app/package.json': JSON.stringify({ name: 'app', dependencies: { '@s/a': 'workspace:*', '@s/b': 'workspace:*' } }),
    'packages/app/src/main.ts': "import { sleep } from '@s/a';\n\nexport const go = () => sleep(5);\n",
  };
  const links: Array<[string, string]> = [
    ['packages/app/node_modules/@s/a', '../../../a'],
    ['packages/app/node_modules/@s/b', '../../../b'],
    ['packages/b/node_modules/@s/a', '../../../a'],
  ];

  /** The phase's dry run on the packages, linked the pnpm way, with `changed` files. */
  const runLinked = (changed: Record<string, string> = {}): ReturnType<typeof runEngine> => {
    const repo = makeRepo({ ...files, ...changed });
    try {
      for (const [link, target] of links) {
        fs.mkdirSync(path.dirname(repo.path(link)), { recursive: true });
        fs.symlinkSync(target, repo.path(link), 'dir');
      }
      const { config } = loadConfig(repo.root);
      return runEngine({ repoRoot: repo.root, config, command: 'run', phases: ['imports'] });
    } finally {
      repo.remove();
    }
  };

  it('finds the packages where pnpm links them, and imports another package by its name, never by a path into it', () => {
    const result = runLinked();
    const newText = (file: string): string | undefined => result.files.find((each) => each.file === file)?.newText;
    expect(newText('packages/app/src/main.ts')).toBe("import { sleep } from '@s/b';\n\nexport const go = () => sleep(5);\n");
    // Inside the package the name moves to, its own module by path.
    expect(newText('packages/b/src/retry.ts')).toBe("import { sleep } from './';\n\nexport const pause = () => sleep(1);\n");
  });

  it('leaves a file of the package a name moves to for a person when that package resolves only to its build', () => {
    const result = runLinked({ 'packages/b/package.json': JSON.stringify({ name: '@s/b', exports: { '.': './dist/index.js' } }) });
    const retry = result.files.find((each) => each.file === 'packages/b/src/retry.ts')!;
    expect(retry.newText).toBeUndefined();
    expect(retry.findingsBefore.map((finding) => [finding.fixable, finding.reason])).toEqual([
      [false, 'packages/b/src/retry.ts is part of @s/b, where sleep moves: import it from the module that defines it, by path, by hand'],
    ]);
    expect(result.files.find((each) => each.file === 'packages/app/src/main.ts')?.newText).toBe("import { sleep } from '@s/b';\n\nexport const go = () => sleep(5);\n");
  });
});
