import { renderBurndownSvg } from '../../src/reporters/burndown-svg';
import type { HistoryRecord } from '../../src/result/history-record';
import type { BuiltInPhaseId, PhaseId } from '../../src/result/types';

const record = (day: number, commit: string | null, totals: Partial<Record<BuiltInPhaseId, number>>, phases?: PhaseId[]): HistoryRecord => ({
  time: `2025-03-${String(day).padStart(2, '0')}T12:00:00.000Z`,
  commit,
  ...(phases === undefined ? {} : { phases }),
  counts: Object.entries(totals).map(([phase, total]) => ({ phase: phase, kind: 'some-kind', total, fixable: total, manual: 0 })),
  files: [],
});

const falling: HistoryRecord[] = [
  record(1, '1111111aaaa', { imports: 120, facades: 12 }),
  record(2, '2222222bbbb', { imports: 40, facades: 11 }),
  record(3, '3333333cccc', { imports: 3, facades: 1 }),
];

/**
 * A small well-formedness check (no XML parser among the dependencies): every tag closes in
 * order, one root, attributes quoted, and no raw `<` or stray `&` in text or attribute values.
 */
function expectWellFormedXml(xml: string): void {
  const token = /<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  const entity = /&(?!(?:#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);)/;
  const open: string[] = [];
  let roots = 0;
  for (const match of xml.matchAll(token)) {
    const [whole, closing, name, attributes, selfClosing, text, strayBracket] = match;
    if (strayBracket !== undefined) throw new Error(`unparsable markup at ${match.index}: ${xml.slice(match.index, match.index + 40)}`);
    if (text !== undefined) {
      if (open.length === 0 && text.trim() !== '') throw new Error(`text outside the root: ${text.trim()}`);
      if (entity.test(text)) throw new Error(`bare & in text: ${text}`);
      continue;
    }
    if (name === undefined) continue; // a comment
    for (const [, value] of (attributes ?? '').matchAll(/=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      if (value !== undefined && (value.includes('<') || entity.test(value))) throw new Error(`bad attribute value in ${whole}`);
    }
    const attributeNames = [...(attributes ?? '').matchAll(/([A-Za-z_:][\w:.-]*)\s*=/g)].map((entry) => entry[1]);
    if (new Set(attributeNames).size !== attributeNames.length) throw new Error(`duplicate attribute in ${whole}`);
    if (closing === '/') {
      const expected = open.pop();
      if (expected !== name) throw new Error(`</${name}> closes <${expected}>`);
      continue;
    }
    if (open.length === 0) roots++;
    if (selfClosing !== '/') open.push(name);
  }
  expect(open).toEqual([]);
  expect(roots).toBe(1);
}

/** The points of each phase's fixable line, from its path data: runs of [x, y], one run per unbroken stretch. */
function linesByPhase(svg: string): Map<string, Array<Array<[number, number]>>> {
  const lines = new Map<string, Array<Array<[number, number]>>>();
  for (const [, phase, group] of svg.matchAll(/<g class="phase" data-phase="([^"]+)">([\s\S]*?)<\/g>/g)) {
    const paths = [...group!.matchAll(/<path class="fixable" [^>]*\bd="([^"]*)"/g)].map((entry) => entry[1]!);
    expect(paths).toHaveLength(1);
    const runs = [...paths[0]!.matchAll(/M[^M]*/g)].map((run) => [...run[0].matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((point) => [Number(point[1]), Number(point[2])] as [number, number]));
    lines.set(phase!, runs);
  }
  return lines;
}

/** Each phase's drawn numbers per kind, from the paths' data-values (null: not measured in that scan). */
function valuesByPhase(svg: string): Map<string, { fixable: Array<number | null>; manual: Array<number | null> }> {
  const values = new Map<string, { fixable: Array<number | null>; manual: Array<number | null> }>();
  for (const [, phase, group] of svg.matchAll(/<g class="phase" data-phase="([^"]+)">([\s\S]*?)<\/g>/g)) {
    const read = (kind: string): Array<number | null> => {
      const [path, ...others] = [...group!.matchAll(new RegExp(`<path class="${kind}" data-values="([^"]*)"`, 'g'))];
      expect(others).toEqual([]);
      return path![1]!.split(',').map((value) => (value === '' ? null : Number(value)));
    };
    values.set(phase!, { fixable: read('fixable'), manual: read('manual') });
  }
  return values;
}

describe('renderBurndownSvg', () => {
  it('is well-formed XML for empty, single and full histories', () => {
    expectWellFormedXml(renderBurndownSvg([], ['imports']));
    expectWellFormedXml(renderBurndownSvg(falling.slice(0, 1), ['imports', 'facades']));
    expectWellFormedXml(renderBurndownSvg(falling, ['imports', 'facades']));
  });

  it('the check itself rejects what is not well-formed', () => {
    expect(() => expectWellFormedXml('<svg><g></svg>')).toThrow();
    expect(() => expectWellFormedXml('<svg><text>a < b</text></svg>')).toThrow();
    expect(() => expectWellFormedXml('<svg><text>a & b</text></svg>')).toThrow();
  });

  it('draws one line per phase that falls when the history falls', () => {
    const lines = linesByPhase(renderBurndownSvg(falling, ['imports', 'facades']));
    expect([...lines.keys()]).toEqual(['imports', 'facades']);
    for (const [, runs] of lines) {
      expect(runs).toHaveLength(1);
      const points = runs[0]!;
      expect(points).toHaveLength(3);
      // SVG's y grows downwards: fewer violations left sit lower on the chart.
      for (let index = 1; index < points.length; index++) {
        expect(points[index]![0]).toBeGreaterThan(points[index - 1]![0]);
        expect(points[index]![1]).toBeGreaterThan(points[index - 1]![1]);
      }
    }
    // The larger phase starts higher than the smaller one.
    expect(lines.get('imports')![0]![0]![1]).toBeLessThan(lines.get('facades')![0]![0]![1]);
  });

  it('draws fixable and manual apart: a finished phase reaches zero fixable while its manual items stay', () => {
    const split = (day: number, imports: [number, number], facades: [number, number]): HistoryRecord => ({
      time: `2025-04-0${day}T12:00:00.000Z`,
      commit: `c${day}`,
      counts: [
        { phase: 'imports', kind: 'some-kind', total: imports[0] + imports[1], fixable: imports[0], manual: imports[1] },
        { phase: 'facades', kind: 'some-kind', total: facades[0] + facades[1], fixable: facades[0], manual: facades[1] },
      ],
      files: [],
    });
    const svg = renderBurndownSvg([split(1, [40, 3], [9, 2]), split(2, [0, 3], [5, 2]), split(3, [0, 3], [0, 1])], ['imports', 'facades']);
    expectWellFormedXml(svg);
    expect(valuesByPhase(svg)).toEqual(
      new Map([
        ['imports', { fixable: [40, 0, 0], manual: [3, 3, 3] }],
        ['facades', { fixable: [9, 5, 0], manual: [2, 2, 1] }],
      ]),
    );
    // The two kinds are told apart by their style, and the legend says which is which and how each moved.
    expect(svg).toMatch(/<path class="manual" [^>]*stroke-dasharray=/);
    expect(svg).not.toMatch(/<path class="fixable" [^>]*stroke-dasharray=/);
    expect(svg).toContain('>fixable by the phase<');
    expect(svg).toContain('>manual (by hand)<');
    expect(svg).toContain('>fixable 40 → 0<');
    expect(svg).toContain('>manual 3 → 3<');
  });

  it('starts a phase where it was first measured instead of drawing it as 0 before', () => {
    const history = [
      record(1, 'a', { imports: 9 }, ['imports']),
      record(2, 'b', { imports: 5, facades: 7 }, ['imports', 'facades']),
      record(3, 'c', { imports: 1, facades: 2 }, ['imports', 'facades']),
    ];
    const svg = renderBurndownSvg(history, ['imports', 'facades', 'factories']);
    const lines = linesByPhase(svg);
    expect(lines.get('imports')![0]).toHaveLength(3);
    expect(lines.get('facades')![0]).toHaveLength(2);
    expect(lines.get('facades')![0]![0]![0]).toBe(lines.get('imports')![0]![1]![0]);
    // No record measured factories: a phase counts as measured only where the record says so.
    expect(lines.get('factories')).toEqual([]);
    expect(svg).toContain('>not measured<');
    expect(svg).toContain('>7 → 2<');
  });

  it('labels the x axis with short commits and dates, and has a legend and a title', () => {
    const svg = renderBurndownSvg(falling, ['imports', 'facades']);
    expect(svg).toContain('>1111111<');
    expect(svg).toContain('>2025-03-03<');
    expect(svg).not.toContain('1111111aaaa<');
    expect(svg).toMatch(/<title id="burndown-title">[^<]*burn-down/);
    expect(svg).toContain('>120 → 3<');
    expect(svg).toMatch(/<text [^>]*>150<\/text>/); // a round y tick above the highest count
  });

  it('thins the x labels of a long history but always labels the last scan', () => {
    const long = Array.from({ length: 60 }, (_, index) => record((index % 28) + 1, `c${String(index).padStart(6, '0')}`, { imports: 60 - index }));
    const svg = renderBurndownSvg(long, ['imports']);
    const labelled = [...svg.matchAll(/>(c\d{6})</g)].map((match) => match[1]);
    expect(labelled.length).toBeLessThan(15);
    expect(labelled[0]).toBe('c000000');
    expect(labelled[labelled.length - 1]).toBe('c000059');
    expectWellFormedXml(svg);
  });

  it('escapes text and refers to nothing outside itself', () => {
    const svg = renderBurndownSvg([record(1, '<b>&"x', { imports: 2 }), record(2, null, { imports: 1 })], ['imports']);
    expectWellFormedXml(svg);
    expect(svg).toContain('&#60;b&#62;&#38;&#34;x');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('>no commit<');
    // The SVG namespace is a name, not a fetch; nothing else may point outside the file.
    const withoutNamespace = svg.replace('xmlns="http://www.w3.org/2000/svg"', '');
    expect(withoutNamespace).not.toMatch(/https?:|href|<script|url\(|@import|<foreignObject/i);
  });

  it('says why there is no chart for an empty or one-record history', () => {
    const empty = renderBurndownSvg([], ['imports']);
    expect(empty).toContain('No history yet.');
    expect(empty).toContain('scan --record');
    expect(empty).not.toContain('<path');

    const single = renderBurndownSvg([record(1, 'abcdef0123', { imports: 4 }, ['imports'])], ['imports', 'facades']);
    expect(single).toContain('One scan recorded (2025-03-01, abcdef0): a burn-down needs two.');
    expect(single).toContain('imports: 4 left (0 manual)');
    expect(single).toContain('facades: not measured');
    expect(single).not.toContain('<path');
  });

  it('is deterministic', () => {
    expect(renderBurndownSvg(falling, ['imports', 'facades'])).toBe(
      renderBurndownSvg(
        falling.map((entry) => ({ ...entry })),
        ['imports', 'facades'],
      ),
    );
  });
});
