import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/load-config';
import { runEngine } from '../../src/engine/run-engine';
import { copyCrossFileCase, describeCrossFileCases, fixtureCases, FIXTURES_ROOT, readInput, transformFixture } from '../helpers/phase-fixtures';

const cases = fixtureCases('factories');

describe('factories fixtures', () => {
  it('has fixture cases', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  describe.each(cases.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    const input = readInput('factories', fixture);
    // Run in beforeAll, not at collection: a crash is then a failing case with its name.
    let result: ReturnType<typeof transformFixture>;
    let output: string;
    beforeAll(() => {
      result = transformFixture('factories', fixture.input, input);
      output = result?.newText ?? input;
    });

    it(fixture.expected === undefined ? 'is left unchanged' : 'is rewritten as expected', () => {
      expect(result?.error).toBeUndefined();
      expect(output).toBe(fixture.expected ?? input);
    });

    it('changes nothing on a second run', () => {
      const second = transformFixture('factories', fixture.input, output);
      expect(second?.newText ?? output).toBe(output);
    });

    it('leaves nothing fixable behind, and exactly the manual items scan predicted', () => {
      const after = transformFixture('factories', fixture.input, output);
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

describe('factories on a file with CRLF line endings and tab indents', () => {
  // Written the way some repos write: every byte outside a rewritten call stays, tabs and CRLF included.
  const restyle = (text: string): string => text.replace(/^((?: {2})+)/gm, (indent) => '\t'.repeat(indent.length / 2)).replace(/\n/g, '\r\n');

  it('rewrites comments-kept in the style of the file', () => {
    const fixture = cases.find((candidate) => candidate.name === 'comments-kept')!;
    const input = restyle(readInput('factories', fixture));
    const result = transformFixture('factories', fixture.input, input);
    expect(result?.error).toBeUndefined();
    expect(result?.newText).toBe(restyle(fixture.expected!));
    // The checker sees the fixture's own text again for the other cases.
    transformFixture('factories', fixture.input, readInput('factories', fixture));
  });
});

describe('factories detection', () => {
  const findings = (name: string) => {
    const fixture = cases.find((candidate) => candidate.name === name)!;
    return transformFixture('factories', fixture.input, readInput('factories', fixture))?.findingsBefore ?? [];
  };
  const support = (file: string) => transformFixture('factories', file, fs.readFileSync(path.join(FIXTURES_ROOT, 'factories', file), 'utf8'))?.findingsBefore ?? [];

  it('counts each access pattern as one fixable site', () => {
    expect(findings('construct-parameter').map((finding) => [finding.kind, finding.fixable, finding.line])).toEqual([['direct-construction', true, 5]]);
    expect(findings('construct-alias').map((finding) => finding.kind)).toEqual(['direct-construction']);
    expect(findings('singleton-local').map((finding) => finding.kind)).toEqual(['singleton-access']);
    expect(findings('accessor-this-member').map((finding) => finding.kind)).toEqual(['legacy-accessor']);
  });

  it('reports a site with no context in scope, with its location and what to do', () => {
    const [finding] = findings('no-context');
    expect(finding).toMatchObject({ phase: 'factories', kind: 'legacy-accessor', fixable: false, line: 4, column: 10 });
    expect(finding?.reason).toContain('`userId` does not come from a UserContext');
    expect(finding?.reason).toContain('createManager(context)');
  });

  it('reports two contexts in the same scope as ambiguous, naming both', () => {
    const [finding] = findings('ambiguous-context');
    expect(finding).toMatchObject({ kind: 'singleton-access', fixable: false });
    expect(finding?.reason).toContain('`from`, `to`');
  });

  it('reports a context whose name an inner binding takes at the call, naming that binding', () => {
    const all = findings('shadowed-context');
    const manual = all.filter((finding) => !finding.fixable);
    expect(manual.map((finding) => finding.line)).toEqual([7, 11, 15, 21, 29, 35]);
    expect(manual[0]?.reason).toBe(
      '`ctx` at this call is a parameter of an arrow function (line 7), not the UserContext declared at line 6: rename one of them, or call createManager(<the context>) by hand',
    );
    expect(manual[3]?.reason).toContain('`context` at this call is a local variable (line 20)');
    expect(manual[4]?.reason).toContain("`ctx` at this call is a catch clause's error (line 28)");
    expect(all.filter((finding) => finding.fixable).map((finding) => finding.line)).toEqual([43, 44]);
  });

  it('reports a field initialiser and a decorator argument, where `this` is no built instance, and rewrites the rest of the class', () => {
    const all = findings('this-not-instance');
    const manual = all.filter((finding) => !finding.fixable);
    expect(manual.map((finding) => finding.line)).toEqual([10, 17, 25, 30]);
    expect(manual[0]?.reason).toBe(
      'a field initialiser runs before the constructor has assigned `this.ctx`: create the manager in the constructor with createManager(this.ctx), or make the field a getter',
    );
    expect(manual[1]?.reason).toContain("a decorator's arguments are evaluated once, when the class is defined, where `this` is not an instance");
    expect(all.filter((finding) => finding.fixable).map((finding) => [finding.line, finding.message])).toEqual([
      [12, 'Manager.getInstance() → createManager(this.ctx)'],
      [19, 'Manager.getInstance() → createManager(this.ctx)'],
      [32, 'Manager.getInstance() → createManager(request)'],
      [37, 'Manager.getInstance() → createManager(ctx)'],
    ]);
  });

  it("does not take `this.` members into an object literal's method, whose `this` is the object", () => {
    const [finding] = findings('object-literal-this');
    expect(finding).toMatchObject({ kind: 'singleton-access', fixable: false, line: 11 });
    expect(finding?.reason).toContain('no UserContext in scope');
  });

  it('counts constructing a subclass of the class, as a manual item naming it', () => {
    const [finding] = findings('subclass-construction');
    expect(finding).toMatchObject({ kind: 'direct-construction', fixable: false, line: 8 });
    expect(finding?.reason).toContain('CompatManager extends Manager');
  });

  it("does not match an unrelated function that shares the accessor's name", () => {
    expect(findings('unrelated-same-name')).toEqual([]);
  });

  it('reports a module-level instance with its users', () => {
    const [finding] = findings('module-level-instance');
    expect(finding).toMatchObject({ kind: 'shared-instance', fixable: false, line: 3 });
    expect(finding?.reason).toContain('broadcast in this file');
  });

  it('reports a registry keyed by less than the isolation key, and not one keyed by all of it', () => {
    const [finding] = findings('registry');
    expect(finding).toMatchObject({ kind: 'shared-registry', fixable: false, line: 5 });
    expect(finding?.message).toContain('missing threadId');
    expect(finding?.reason).toContain('managerFor in this file');
    expect(findings('registry-isolated')).toEqual([]);
  });

  it("never flags the factory's own construction nor the singleton's own body", () => {
    expect(support('manager.ts')).toEqual([]);
    expect(support('legacy.ts')).toEqual([]);
  });
});

function scan(repoRoot: string) {
  const { config } = loadConfig(repoRoot);
  return runEngine({ repoRoot, config, command: 'scan', phases: ['factories'] }).files.flatMap((file) => file.findingsBefore);
}

describeCrossFileCases('factories');

describe('factories without a context type', () => {
  /** The library case as a repo, its factories section changed by `edit`. */
  const libraryRepo = (edit: (factories: Record<string, unknown>) => void = () => undefined): string => {
    const repoRoot = copyCrossFileCase('factories', 'library-constructor');
    const configFile = path.join(repoRoot, 'ssot.config.json');
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as { factories: Record<string, unknown> };
    edit(config.factories);
    fs.writeFileSync(configFile, JSON.stringify(config));
    return repoRoot;
  };
  let findings: ReturnType<typeof scan>;
  beforeAll(() => {
    findings = scan(libraryRepo());
  });

  it('reports module-level instances as shared when the config declares an isolation key', () => {
    const keyed = scan(libraryRepo((factories) => void (factories.isolationKey = ['tenantId'])));
    const shared = keyed.filter((finding) => finding.kind === 'shared-instance');
    expect(shared.map((finding) => [finding.file, finding.line, finding.fixable])).toEqual([
      ['src/profiles.ts', 3, false],
      ['src/profiles.ts', 6, false],
      ['src/sessions.ts', 5, false],
    ]);
    expect(shared[2]!.message).toBe('`sessions` holds one Cache (new Cache<string>({ ttl: 60 /* seconds */ })) for every caller');
    expect(keyed.filter((finding) => finding.fixable).map((finding) => [finding.file, finding.line])).toEqual([
      ['src/only-cache.ts', 5],
      ['src/sessions.ts', 8],
      ['src/shadowed.ts', 5],
      ['src/tokens.ts', 7],
    ]);
  });

  it('counts every construction as fixable, module-level ones too, and says what it becomes', () => {
    const fixable = findings.filter((finding) => finding.fixable);
    expect(fixable.map((finding) => [finding.file, finding.line])).toEqual([
      ['src/only-cache.ts', 5],
      ['src/profiles.ts', 3],
      ['src/profiles.ts', 6],
      ['src/sessions.ts', 5],
      ['src/sessions.ts', 8],
      ['src/shadowed.ts', 5],
      ['src/tokens.ts', 7],
    ]);
    expect(fixable[3]!.message).toBe('new Cache<string>({ ttl: 60 /* seconds */ }) → createCache<string>({ ttl: 60 /* seconds */ })');
    expect(fixable[1]!.message).toBe('new CacheLib.Cache({ ttl: 5 }) → CacheLib.createCache({ ttl: 5 })');
    // Where the factory's name is taken, as the fix imports it.
    expect(fixable[5]!.message).toBe('new Cache({ ttl: createCache }) → createCache2({ ttl: createCache })');
  });

  it('reports constructing a subclass, naming the factory and the type', () => {
    const manual = findings.filter((finding) => !finding.fixable);
    expect(manual.map((finding) => [finding.file, finding.kind])).toEqual([['src/subclass.ts', 'direct-construction']]);
    expect(manual[0]!.reason).toBe('CountingCache extends Cache: createCache creates a Cache, not a CountingCache: construct it by hand, or give the subclass a factory of its own');
  });
});
