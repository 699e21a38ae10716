import jscodeshift from 'jscodeshift';
import { bindCall, instantiate, parseTemplate } from '../../transforms/signatures/call-templates';
import { checkIdempotence } from '../../transforms/signatures/idempotence';

const parse = (match: string, replace: string) => parseTemplate(jscodeshift, 1, match, replace);

describe('signature template config errors', () => {
  it('names the template whose replacement uses an unbound metavariable', () => {
    expect(() => parse('$res.json($body)', '$res.status($status).json($body)')).toThrow('signatures.templates[1].replace: $status is not bound by match "$res.json($body)"');
  });

  it('refuses a rest metavariable that is not last', () => {
    expect(() => parse('notify($$$rest, $user)', 'notify($user)')).toThrow('signatures.templates[1].match: $$$rest must be the last argument');
  });

  it('refuses a receiver that is not a metavariable, and a metavariable callee', () => {
    expect(() => parse('manager.add($a)', 'manager.add2($a)')).toThrow('the receiver of "manager.add($a)" must be a metavariable');
    expect(() => parse('$fn($a)', 'g($a)')).toThrow('the callee of "$fn($a)" is a metavariable');
  });

  it('refuses an object in a match that is not plain keys bound to metavariables and one last ...$rest', () => {
    const shape = 'an object in a match is plain keys bound to metavariables ({ key: $value }) and, last, at most one ...$rest';
    expect(() => parse('$w.setup({ el: $el, title })', '$w.mount($el)')).toThrow(shape);
    expect(() => parse('$w.setup({ ...$rest, el: $el })', '$w.mount($el)')).toThrow(shape);
    expect(() => parse('$w.setup({ [key]: $v })', '$w.mount($v)')).toThrow(shape);
    expect(() => parse('$w.setup({ el: $el, other: $el })', '$w.mount($el)')).toThrow('$el is bound twice');
  });

  it('refuses a type predicate on a key of an object pattern (the checker sees arguments), not a kind', () => {
    expect(() => parseTemplate(jscodeshift, 1, '$w.setup({ el: $el })', '$w.mount($el)', { $el: 'string' })).toThrow(
      'signatures.templates[1].where.$el: $el binds a key of an object: only a kind (ObjectLiteral, StringLiteral…) can be asked of it',
    );
    expect(() => parseTemplate(jscodeshift, 1, '$w.setup({ el: $el })', '$w.mount($el)', { $el: '!StringLiteral' })).not.toThrow();
  });

  it('refuses an object pattern whose replacement has its shape again', () => {
    expect(() => checkIdempotence([parse('$w.setup({ timeout: $t, ...$rest })', '$w.setup({ timeout: $t * 1000, unit: "ms", ...$rest })')])).toThrow('has the shape of its own match');
    expect(() => checkIdempotence([parse('$w.setup({ timeout: $t, ...$rest })', '$w.setup({ ttlMs: $t, ...$rest })')])).not.toThrow();
  });

  it('refuses a shape that is not a call, and a replacement that does not parse', () => {
    expect(() => parse('$a + $b', '$a')).toThrow('signatures.templates[1].match: "$a + $b" is not a call');
    expect(() => parse('f($a)', 'f($a')).toThrow('signatures.templates[1].replace: "f($a" is not an expression');
  });
});

describe('signature templates', () => {
  const callOf = (source: string) => jscodeshift.withParser('ts')(source).find(jscodeshift.CallExpression).get().node;

  it('binds arguments with their comments and instantiates them verbatim', () => {
    const template = parse('$m.add($socket, $ctx)', '$m.add({ socket: $socket, userId: $ctx.userId })');
    const source = 'm.add(ws /* raw */, req.ctx)';
    expect(instantiate(template, bindCall(template, callOf(source), source)!)).toBe('m.add({ socket: ws /* raw */, userId: req.ctx.userId })');
  });

  it('drops the separating comma of an empty rest', () => {
    const template = parse('notify($user, $$$rest)', 'notify($user, { channel: 1 }, $$$rest)');
    const source = 'notify(u)';
    expect(instantiate(template, bindCall(template, callOf(source), source)!)).toBe('notify(u, { channel: 1 })');
  });

  it('matches literal arguments by their text and refuses a spread in a bound place', () => {
    const template = parse('$m.close($reason, true)', '$m.close($reason)');
    expect(bindCall(template, callOf('m.close(r, false)'), 'm.close(r, false)')).toBeUndefined();
    expect(bindCall(template, callOf('m.close(r, true)'), 'm.close(r, true)')).toBeDefined();
    expect(bindCall(template, callOf('m.close(...xs, true)'), 'm.close(...xs, true)')).toBeUndefined();
  });
});
