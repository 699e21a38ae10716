// The engine's promises when a transform misbehaves or the disk moves under it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processText, type PreparedPhase } from '../../src/engine/run-engine';
import { contentHash } from '../../src/engine/atomic-file';
import { writeResults } from '../../src/engine/write-files';
import { definePhase } from '../../src/phase-api/define-phase';
import type { FileResult } from '../../src/result/types';

/** A phase that renames `OLD` to whatever `rename` gives, fixable while `OLD` is there. */
function fakePhase(rename: string, options: { throws?: boolean } = {}): PreparedPhase[] {
  const phase = definePhase<undefined>({
    meta: { id: 'imports', title: 'fake', description: 'test double', messages: { old: 'OLD' } },
    prepare: () => undefined,
    mayMatter: (text) => text.includes('OLD'),
    detect: (file) => ({
      findings: file.source.includes('OLD') ? [{ phase: 'imports', kind: 'old', messageId: 'old', data: {}, fixable: true, file: file.file, line: 1, column: 1 }] : [],
      mentions: [],
    }),
    apply: (file) => {
      if (options.throws) throw new Error('transform bug');
      file.root.find(file.j.Identifier, { name: 'OLD' }).forEach((identifier) => {
        file.touched.push({ start: identifier.node.loc!.start.line, end: identifier.node.loc!.end.line });
        identifier.replace(file.j.identifier(rename));
      });
      return true;
    },
  });
  return [{ id: 'imports', phase, state: undefined }];
}

describe('processText', () => {
  it('never offers a rewrite that does not parse', () => {
    const result = processText('a.ts', 'export const OLD = 1;\n', fakePhase('not valid'), 'run').file!;
    expect(result.status).toBe('error');
    expect(result.error).toMatch(/^a\.ts: the rewritten text does not parse .*; nothing written$/);
    expect(result.newText).toBeUndefined();
  });

  it('refuses a rewrite that leaves fixable findings behind', () => {
    const result = processText('a.ts', 'export const OLD = 1;\n', fakePhase('OLD_AGAIN'), 'run').file!;
    expect(result.status).toBe('error');
    expect(result.newText).toBeUndefined();
  });

  it('turns a transform that throws into an error for that file only', () => {
    const result = processText('a.ts', 'export const OLD = 1;\n', fakePhase('NEW', { throws: true }), 'run').file!;
    expect(result).toMatchObject({ status: 'error', error: expect.stringMatching(/^a\.ts: internal error while processing \(transform bug/) });
  });

  it('rewrites when all is well', () => {
    const result = processText('a.ts', 'export const OLD = 1;\n', fakePhase('NEW'), 'run').file!;
    expect(result.status).toBe('changed');
    expect(result.newText).toBe('export const NEW = 1;\n');
  });
});

describe('writeResults', () => {
  const repoWith = (files: Record<string, string>): string => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-write-'));
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(root, file), text);
    return root;
  };
  const change = (file: string, before: string, after: string): FileResult => ({
    file,
    status: 'changed',
    findingsBefore: [],
    findingsAfter: [],
    mentions: [],
    newText: after,
    sourceHash: contentHash(before),
  });

  it('refuses, before writing anything, when a file changed on disk since it was read', () => {
    const root = repoWith({ 'a.ts': 'a1', 'b.ts': 'b1' });
    fs.writeFileSync(path.join(root, 'b.ts'), 'b1 edited by the user');
    expect(() => writeResults(root, [change('a.ts', 'a1', 'a2'), change('b.ts', 'b1', 'b2')])).toThrow('b.ts: changed on disk since it was read; nothing written');
    expect(fs.readFileSync(path.join(root, 'a.ts'), 'utf8')).toBe('a1');
    expect(fs.readFileSync(path.join(root, 'b.ts'), 'utf8')).toBe('b1 edited by the user');
  });

  it('refuses to write through a symlink, before writing anything', () => {
    const root = repoWith({ 'a.ts': 'a1' });
    const outside = repoWith({ 'target.ts': 'outside' });
    fs.symlinkSync(path.join(outside, 'target.ts'), path.join(root, 'link.ts'));
    expect(() => writeResults(root, [change('a.ts', 'a1', 'a2'), change('link.ts', 'outside', 'hacked')])).toThrow(/link\.ts: is a symlink/);
    expect(fs.readFileSync(path.join(root, 'a.ts'), 'utf8')).toBe('a1');
    expect(fs.readFileSync(path.join(outside, 'target.ts'), 'utf8')).toBe('outside');
  });

  it('writes every file and leaves no temp files', () => {
    const root = repoWith({ 'a.ts': 'a1', 'b.ts': 'b1' });
    expect(writeResults(root, [change('a.ts', 'a1', 'a2'), change('b.ts', 'b1', 'b2')]).written).toEqual(['a.ts', 'b.ts']);
    expect(fs.readdirSync(root).sort()).toEqual(['a.ts', 'b.ts']);
    expect(fs.readFileSync(path.join(root, 'b.ts'), 'utf8')).toBe('b2');
  });
});
