// Exploration of phase 1's property test, for whoever fixes a failure it found: samples many
// generated import sections, groups the problems by kind and prints the shortest input of each
// kind. Not part of the suite; run it with
//   SSOT_PROPERTY_EXPLORE=2000 npx jest --roots scripts/explore --testMatch '**/*.explore.ts' -t exploration
// (-t skips the property tests the import below registers.)
import fc from 'fast-check';
import { check, describeVerdict, fileArb, type Verdict } from '../../__tests__/properties/imports.property.test';

const explore = Number(process.env.SSOT_PROPERTY_EXPLORE ?? 500);

describe('imports properties: exploration', () => {
  const kindOf = (problem: string): string =>
    problem
      .split('\n')[0]!
      .replace(/__use_\d+/g, '__use_N')
      .replace(/\d+:\d+/g, 'N:N')
      .replace(/line \d+/g, 'line N')
      .replace(/'[^']*'/g, "'…'")
      .replace(/\(const \{.*/, '(const { … })')
      .replace(/^4\. export \w+/, '4. export X')
      .replace(/(before|after), .*/, '$1 …')
      .slice(0, 140);
  it('groups the failures', () => {
    const kinds = new Map<string, { count: number; shortest: Verdict }>();
    const started = Date.now();
    for (const input of fc.sample(fileArb, { seed: 7, numRuns: explore })) {
      const verdict = check(input);
      for (const kind of new Set(verdict.problems.map(kindOf))) {
        const seen = kinds.get(kind);
        if (!seen) kinds.set(kind, { count: 1, shortest: verdict });
        else {
          seen.count++;
          if (input.length < seen.shortest.input.length) seen.shortest = verdict;
        }
      }
    }
    const report = [...kinds].sort((a, b) => b[1].count - a[1].count).map(([kind, { count, shortest }]) => `### ${count}× ${kind}\n${describeVerdict(shortest)}`);
    console.log(`${explore} files in ${Date.now() - started} ms\n\n${report.join('\n\n')}`);
  });
});
