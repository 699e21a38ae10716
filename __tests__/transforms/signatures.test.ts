import fs from 'node:fs';
import { loadConfig } from '../../src/config/load-config';
import { runEngine } from '../../src/engine/run-engine';
import jscodeshift from 'jscodeshift';
import { bindCall, instantiate, parseTemplate } from '../../transforms/signatures/call-templates';
import { checkIdempotence } from '../../transforms/signatures/idempotence';
import { copyCrossFileCase, describeCrossFileCases, fixtureCases, readInput, transformFixture } from '../helpers/phase-fixtures';

const cases = fixtureCases('signatures');

describe('signatures fixtures', () => {
  it('has fixture cases', () => {
    expect(cases.length).toBeGreaterThan(8);
  });

  describe.each(cases.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    const input = readInput('signatures', fixture);
    let result: ReturnType<typeof transformFixture>;
    let output: string;
    beforeAll(() => {
      result = transformFixture('signatures', fixture.input, input);
      output = result?.newText ?? input;
    });

    it(fixture.expected === undefined ? 'is left unchanged' : 'is rewritten as expected', () => {
      expect(result?.error).toBeUndefined();
      expect(output).toBe(fixture.expected ?? input);
    });

    it('changes nothing on a second run', () => {
      const second = transformFixture('signatures', fixture.input, output);
      expect(second?.newText ?? output).toBe(output);
    });

    it('leaves nothing fixable behind, and exactly the manual items scan predicted', () => {
      const after = transformFixture('signatures', fixture.input, output);
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

describeCrossFileCases('signatures');

describe('signatures on a file with CRLF line endings and tab indents', () => {
  // Written the way some repos write: every byte outside a rewritten call stays, tabs and CRLF included.
  const restyle = (text: string): string => text.replace(/^((?: {2})+)/gm, (indent) => '\t'.repeat(indent.length / 2)).replace(/\n/g, '\r\n');

  it('rewrites comments-kept in the style of the file', () => {
    const fixture = cases.find((candidate) => candidate.name === 'comments-kept')!;
    const input = restyle(readInput('signatures', fixture));
    const result = transformFixture('signatures', fixture.input, input);
    expect(result?.error).toBeUndefined();
    expect(result?.newText).toBe(restyle(fixture.expected!));
    // The checker sees the fixture's own text again for the other cases.
    transformFixture('signatures', fixture.input, readInput('signatures', fixture));
  });
});

describe('signatures detection', () => {
  const analyse = (name: string) => {
    const fixture = cases.find((candidate) => candidate.name === name)!;
    return transformFixture('signatures', fixture.input, readInput('signatures', fixture));
  };
  const kinds = (name: string) => (analyse(name)?.findingsBefore ?? []).map((finding) => [finding.kind, finding.fixable, finding.line]);

  it('counts each rewritable call once, as a fixable legacy signature', () => {
    expect(kinds('fold-and-rename')).toEqual([['legacy-signature', true, 4]]);
    expect(kinds('aliased-import')).toEqual([
      ['legacy-signature', true, 5],
      ['legacy-signature', true, 6],
      ['legacy-signature', true, 7],
    ]);
  });

  it('leaves a same-named method on an unrelated type alone and does not count it', () => {
    expect(kinds('receiver-guard')).toEqual([]);
  });

  it('reports a receiver of type any as ambiguous, never rewritten', () => {
    const findings = analyse('unresolvable-receiver')?.findingsBefore ?? [];
    expect(findings.map((finding) => [finding.kind, finding.fixable])).toEqual([['ambiguous-receiver', false]]);
    expect(findings[0]!.message).toContain("the receiver's type is any");
  });

  it('reports a missing method and an incompatible one with both signatures side by side', () => {
    const findings = analyse('interface-completeness')?.findingsBefore ?? [];
    expect(findings.map((finding) => [finding.kind, finding.fixable, finding.line])).toEqual([
      ['interface-mismatch', false, 6],
      ['interface-missing', false, 4],
    ]);
    expect(findings[1]!.message).toContain('HalfManager has no close: canonical ManagerProtocol.close(reason?: string | undefined): void');
    expect(findings[0]!.message).toBe(
      'HalfManager.sendMessage(_userId: string, _message: string): Promise<number> vs canonical ManagerProtocol.sendMessage(userId: string, message: string, options: { critical: boolean; }): Promise<void>',
    );
  });

  it('leaves an object merge that would set a key twice for a person, saying which key', () => {
    const manual = (analyse('merged-objects')?.findingsBefore ?? []).filter((finding) => !finding.fixable);
    expect(manual.map((finding) => [finding.kind, finding.line, finding.reason])).toEqual([
      ['legacy-signature', 6, 'the replacement would set "key" twice (the template and $opts): merge it by hand'],
    ]);
  });

  it('counts a legacy call in a form no template binds (an optional call, a spread) as a call for a person', () => {
    const findings = analyse('unbindable-forms')?.findingsBefore ?? [];
    expect(findings.map((finding) => [finding.kind, finding.line, finding.fixable, finding.reason])).toEqual([
      ['legacy-signature', 5, false, 'an optional call (`?.()`) may not happen, which no replacement can say: rewrite it by hand'],
      ['legacy-signature', 7, false, 'a spread argument stands for any number of arguments: rewrite the call by hand'],
    ]);
  });

  it('leaves a call for a person when the replacement would reorder or drop an argument with effects, saying which', () => {
    const manual = (analyse('argument-effects')?.findingsBefore ?? []).filter((finding) => !finding.fixable);
    expect(manual.map((finding) => [finding.line, finding.reason])).toEqual([
      [11, 'the replacement evaluates `nextUser()` before `nextMessage()`, which both may have effects: rewrite this call by hand'],
      [13, 'the replacement drops `shouldForce()`, which may have effects: rewrite this call by hand'],
    ]);
  });

  it('quotes a long argument cut short, on one line, in the reason of a call left for a person', () => {
    const repoRoot = copyCrossFileCase('signatures', 'package-subpath-import');
    try {
      const { config } = loadConfig(repoRoot);
      const findings = runEngine({ repoRoot, config, command: 'scan', phases: ['signatures'] }).files.flatMap((file) => file.findingsBefore);
      expect(findings.filter((finding) => !finding.fixable).map((finding) => [finding.line, finding.reason])).toEqual([
        [
          10,
          'the replacement evaluates `document.getElementById(\'list\')` before `<ul className="items" title="every item">{items.map((item) => <li key={item}>…`, which both may have effects: rewrite this call by hand',
        ],
      ]);
    } finally {
      fs.rmSync(repoRoot, { recursive: true, force: true });
    }
  });

  it('counts an arity mismatch on a canonical method: fixable where a template covers it, manual otherwise', () => {
    expect(kinds('arity')).toEqual([
      ['arity', true, 4],
      ['arity', false, 5],
    ]);
  });
});

describe('signature template shapes', () => {
  const parse = (match: string, replace: string) => parseTemplate(jscodeshift, 2, match, replace);

  it('reads a construction, a member read and an awaited call from match', () => {
    expect(parse('new $C($a)', '$C.create($a)')).toMatchObject({ kind: 'new', calleeVar: '$C', awaited: false });
    expect(parse('new ns.Sub.C()', 'ns.c()')).toMatchObject({ kind: 'new', name: 'C', calleeText: 'ns.Sub.C' });
    expect(parse('$o.constants.Zero', '$o.zero()')).toMatchObject({ kind: 'member', receiver: '$o', path: ['constants', 'Zero'] });
    expect(parse('await $p.m()', '$p.n()')).toMatchObject({ kind: 'method', awaited: true });
  });

  it('reads statements as a statement template whose declared names are made fresh', () => {
    expect(parse('show($v, $h)', 'const screen = openScreen($h); screen.show($v);')).toMatchObject({
      locals: ['screen'],
      statements: [
        { start: 0, end: 30 },
        { start: 31, end: 47 },
      ],
    });
    expect(() => parse('show($v, $h)', 'const $s = openScreen($h); $s.show($v);')).toThrow('signatures.templates[2].replace: "$s" is declared by the replacement');
  });

  it('refuses shapes it cannot bind, naming the field', () => {
    expect(() => parse('await await $p.m()', '$p.n()')).toThrow('signatures.templates[2].match: "await await $p.m()" awaits twice');
    expect(() => parse('new ns.$C()', 'x()')).toThrow('signatures.templates[2].match: the class of "new ns.$C()" mixes a name and metavariables');
    expect(() => parse('$o.$p', '$o.q')).toThrow('signatures.templates[2].match: the member read "$o.$p" must start at a metavariable');
    expect(() => parse('$a + $b', '$a')).toThrow('a construction "new $C($a)" or a member read "$o.name"');
  });

  it('binds the await of an awaited template and replaces it too', () => {
    const template = parse('await $p.m()', '$p.n()');
    const source = 'async () => { await p.m(); p.m(); }';
    const calls = jscodeshift.withParser('ts')(source).find(jscodeshift.CallExpression).paths();
    const [awaitedCall, bareCall] = calls.map((path) => bindCall(template, path.node, source, [path.parent.node, path.parent.parent.node]));
    expect(awaitedCall?.range).toEqual({ start: source.indexOf('await p'), end: source.indexOf('; p.m') });
    expect(bareCall).toBeUndefined();
  });
});

describe('signature template predicates', () => {
  const parse = (match: string, where: Record<string, string>) => parseTemplate(jscodeshift, 3, match, '$r.send($a)', where);
  const callOf = (source: string) => jscodeshift.withParser('ts')(source).find(jscodeshift.CallExpression).get().node;

  it('reads kinds, type unions and negations', () => {
    expect(parse('$r.write($a)', { $a: '!ObjectLiteral' }).predicates).toEqual([{ name: '$a', negated: true, text: '!ObjectLiteral', kind: 'ObjectLiteral' }]);
    expect(parse('$r.write($a)', { $a: 'string | RegExp' }).predicates).toEqual([{ name: '$a', negated: false, text: 'string | RegExp', types: ['string', 'RegExp'] }]);
  });

  it('writes a bound string literal as a plain key when it is an identifier, spaces in the brackets or not', () => {
    const template = parseTemplate(jscodeshift, 3, '$c.label($name, $v)', '$c.tag({ [ $name ]: $v })');
    const bind = (source: string) => instantiate(template, bindCall(template, callOf(source), source)!);
    expect(bind("c.label('owner', v)")).toBe('c.tag({ owner: v })');
    expect(bind("c.label('cache-tier', v)")).toBe("c.tag({ ['cache-tier']: v })");
  });

  it('checks a kind on the bound argument', () => {
    const template = parse('$r.write($a)', { $a: 'Function' });
    expect(bindCall(template, callOf('r.write(() => 1)'), 'r.write(() => 1)')).toBeDefined();
    expect(bindCall(template, callOf('r.write(fn)'), 'r.write(fn)')).toBeUndefined();
  });

  it('names the field of a predicate it cannot use', () => {
    expect(() => parse('$r.write($a)', { $b: 'number' })).toThrow('signatures.templates[3].where.$b: $b is not bound by match');
    expect(() => parse('$r.write($$$rest)', { $$$rest: 'number' })).toThrow('signatures.templates[3].where.$$$rest: $$$rest binds a list of arguments');
    expect(() => parse('$r.write($a)', { $a: 'Function | number' })).toThrow('signatures.templates[3].where.$a: "Function | number" mixes a kind (Function) with types');
    expect(() => parse('$r.write($a)', { $a: 'Array<number>' })).toThrow('signatures.templates[3].where.$a: "Array<number>" is neither a kind');
  });
});

describe('signature templates checked for a second run', () => {
  const templates = (...pairs: Array<[string, string, Record<string, string>?]>) => pairs.map(([match, replace, where], index) => parseTemplate(jscodeshift, index, match, replace, where));

  it('refuses a template whose replacement has the shape of its own match', () => {
    expect(() => checkIdempotence(templates(['f($a, $$$rest)', 'f($a, x, $$$rest)']))).toThrow(
      'signatures.templates[0].replace: "f($a, x, $$$rest)" has the shape of its own match: a second run would rewrite it again',
    );
    expect(() => checkIdempotence(templates(['$b.length', '$b.length()']))).not.toThrow();
  });

  it('names both templates when one replacement has the shape of another match', () => {
    expect(() => checkIdempotence(templates(['$m.old($a)', '$m.mid($a)'], ['$m.mid($a)', '$m.old($a, 1)']))).toThrow(
      'signatures.templates[0].replace: "$m.mid($a)" has the shape of signatures.templates[1].match "$m.mid($a)"',
    );
  });

  it('accepts a replacement that a predicate or a literal keeps out of the match', () => {
    expect(() => checkIdempotence(templates(['$c.connect($url)', '$c.connect({ url: $url })', { $url: '!ObjectLiteral' }]))).not.toThrow();
    expect(() => checkIdempotence(templates(['$r.write($a)', '$r.write($a, 1)'], ['$r.write($a, 2)', '$r.end($a)']))).not.toThrow();
    expect(() => checkIdempotence(templates(['$c.connect($url)', '$c.connect({ url: $url })']))).toThrow('its own match');
  });
});
