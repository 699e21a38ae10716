// A finding's text comes from its phase's catalogue: placeholders are filled from the finding's
// data, and a messageId or placeholder the catalogue and data do not agree on is a bug, never a
// silently odd message.
import { renderAnalysis, renderMessage } from '../../src/phase-api/render-message';
import type { PhaseMeta } from '../../src/phase-api/define-phase';

const messages = {
  moved: '{{name}} from {{module}}; now from {{target}}',
  spaced: '{{ name }} stays',
  plain: 'imports both',
};

describe('renderMessage', () => {
  it('fills every placeholder from the data, numbers included', () => {
    expect(renderMessage(messages, 'moved', { name: 'A', module: 'src/old.ts', target: 'src/new.ts' })).toBe('A from src/old.ts; now from src/new.ts');
    expect(renderMessage({ count: '{{n}} arguments' }, 'count', { n: 2 })).toBe('2 arguments');
  });

  it('allows spaces inside the braces, as typescript-eslint does', () => {
    expect(renderMessage(messages, 'spaced', { name: 'getManager' })).toBe('getManager stays');
  });

  it('does not read placeholders inside the data it inserts', () => {
    expect(renderMessage(messages, 'spaced', { name: '{{name}}' })).toBe('{{name}} stays');
  });

  it('renders a message without placeholders as written', () => {
    expect(renderMessage(messages, 'plain', {})).toBe('imports both');
  });

  it('throws for a messageId the catalogue lacks', () => {
    expect(() => renderMessage(messages, 'missing', {})).toThrow('no message "missing"');
    // Not an inherited property either.
    expect(() => renderMessage(messages, 'toString', {})).toThrow('no message "toString"');
  });

  it('throws for a placeholder the data lacks', () => {
    expect(() => renderMessage(messages, 'moved', { name: 'A', module: 'src/old.ts' })).toThrow('{{target}}');
  });
});

describe('renderAnalysis', () => {
  const meta: PhaseMeta = { id: 'imports', title: 'import consolidation', description: '', messages };

  it('gives each finding its rendered message and keeps messageId, data and mentions', () => {
    const rendered = renderAnalysis(meta, {
      findings: [{ phase: 'imports', kind: 'legacy-import', file: 'a.ts', line: 1, column: 1, messageId: 'spaced', data: { name: 'X' }, fixable: true }],
      mentions: [{ phase: 'imports', file: 'a.ts', line: 2, column: 1, where: 'comment', text: 'old' }],
    });
    expect(rendered.findings).toEqual([{ phase: 'imports', kind: 'legacy-import', file: 'a.ts', line: 1, column: 1, messageId: 'spaced', data: { name: 'X' }, message: 'X stays', fixable: true }]);
    expect(rendered.mentions).toHaveLength(1);
  });

  it('names the phase when its catalogue lacks a messageId', () => {
    expect(() => renderAnalysis(meta, { findings: [{ phase: 'imports', kind: 'k', file: 'a.ts', line: 1, column: 1, messageId: 'nope', data: {}, fixable: true }], mentions: [] })).toThrow(
      'phase imports',
    );
  });
});
