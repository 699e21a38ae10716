// GitHub workflow annotations: exact lines for a fixed result, and the runner's escaping rules.
import { renderGithubAnnotations } from '../../src/reporters/github';
import type { RunResult } from '../../src/result/types';
import { makeFinding } from '../helpers/result-fixtures';

const finding = makeFinding;

const result: RunResult = {
  command: 'scan',
  phases: ['imports'],
  repo: '/repo',
  filesScanned: 4,
  filesParsed: 3,
  files: [
    { file: 'src/z.ts', status: 'error', findingsBefore: [], findingsAfter: [], mentions: [], error: 'src/z.ts: cannot be read' },
    {
      file: 'src/b.ts',
      status: 'unchanged',
      findingsBefore: [finding({ file: 'src/b.ts', kind: 'no-counterpart', message: '"getWebSocketManager" stays', fixable: false, reason: 'no canonical counterpart', line: 3, column: 10 })],
      findingsAfter: [],
      mentions: [{ phase: 'imports', file: 'src/b.ts', line: 1, column: 1, where: 'comment', text: 'see ./websocket_manager' }],
    },
    { file: 'src/a.ts', status: 'changed', findingsBefore: [finding({ line: 2, kind: 'dual-import', message: 'imports both' }), finding({})], findingsAfter: [], mentions: [] },
    { file: 'src/c.ts', status: 'skipped', findingsBefore: [], findingsAfter: [], mentions: [], error: 'src/c.ts:2:5: cannot be parsed (Unexpected token); skipped' },
  ],
};

describe('github annotations', () => {
  it('writes one command per finding, then the skipped files, in a stable order', () => {
    expect(renderGithubAnnotations(result)).toBe(
      [
        '::warning file=src/a.ts,line=1,col=1,title=imports/legacy-import::WebSocketManager from legacy module src/websocket_manager.ts',
        '::warning file=src/a.ts,line=2,col=1,title=imports/dual-import::imports both',
        '::notice file=src/b.ts,line=3,col=10,title=imports/no-counterpart::"getWebSocketManager" stays — manual: no canonical counterpart',
        '::error file=src/c.ts::src/c.ts:2:5: cannot be parsed (Unexpected token); skipped',
        '::error file=src/z.ts::src/z.ts: cannot be read',
        '',
      ].join('\n'),
    );
  });

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    const tricky: RunResult = {
      ...result,
      files: [
        {
          file: 'src/a,b:c%.ts',
          status: 'unchanged',
          findingsBefore: [finding({ file: 'src/a,b:c%.ts', kind: 'odd:kind,x', message: '100% legacy\r\nsecond line: a, b', fixable: false, reason: 'why\nnot' })],
          findingsAfter: [],
          mentions: [],
        },
      ],
    };
    expect(renderGithubAnnotations(tricky)).toBe('::notice file=src/a%2Cb%3Ac%25.ts,line=1,col=1,title=imports/odd%3Akind%2Cx::100%25 legacy%0D%0Asecond line: a, b — manual: why%0Anot\n');
  });

  it('annotates the file alone when a finding has no line', () => {
    const unplaced: RunResult = { ...result, files: [{ file: 'src/a.ts', status: 'unchanged', findingsBefore: [finding({ line: 0, column: 0 })], findingsAfter: [], mentions: [] }] };
    expect(renderGithubAnnotations(unplaced)).toBe('::warning file=src/a.ts,title=imports/legacy-import::WebSocketManager from legacy module src/websocket_manager.ts\n');
  });

  it('writes nothing when there is nothing to say', () => {
    expect(renderGithubAnnotations({ ...result, files: [] })).toBe('');
  });
});
