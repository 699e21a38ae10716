// `init`'s candidate clusters on small repos made here: only real duplicates cluster (the same
// name with the same parameters and mostly the same code and data, or near-identical code), and
// the member the repo imports most is suggested first.
import { findCandidateClusters, type CandidateSearch } from '../../src/init/candidates';
import { openProject, provisionalConfig } from '../../src/init/discover-legacy';
import { chooseScope } from '../../src/init/scope';
import { renderCandidates } from '../../src/init/render-listing';
import { makeRepo } from '../helpers/cli-repo';

function candidatesOf(files: Record<string, string>): CandidateSearch {
  const repo = makeRepo(files);
  try {
    return findCandidateClusters(openProject(repo.root, provisionalConfig(chooseScope(repo.root))));
  } finally {
    repo.remove();
  }
}

/** `label: file, file` per cluster, members in rank order. */
function summary(search: CandidateSearch): string[] {
  return search.clusters.map((cluster) => `${cluster.label}: ${cluster.members.map((member) => member.file).join(', ')}`);
}

const SLUGIFY = `export function slugify(title: string, separator = '-'): string {
  // Lower case, words joined by the separator, nothing else.
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(\`^\${separator}|\${separator}$\`, 'g'), '');
}
`;

describe('init candidate clusters', () => {
  it('unrelated functions that share a name are not a cluster, even with the same parameter shape', () => {
    const search = candidatesOf({
      'src/csv.ts': "export function parse(text: string): string[][] {\n  return text.split('\\n').map((line) => line.split(','));\n}\n",
      'src/url.ts':
        'export function parse(input: string): { host: string; path: string } {\n  const url = new URL(input);\n  if (!url.host) throw new Error(`no host in ${input}`);\n  return { host: url.host, path: url.pathname };\n}\n',
      'src/money.ts': 'export const format = (cents: number): string => `${(cents / 100).toFixed(2)} EUR`;\n',
      'src/dates.ts': "export function format(date: Date): string {\n  return [date.getFullYear(), date.getMonth() + 1, date.getDate()].map(String).join('-');\n}\n",
    });
    expect(summary(search)).toEqual([]);
  });

  it('two copies of one function are a cluster, the most imported copy first', () => {
    // The copy renamed its parameters and lost the comment: still the same function.
    const copy = SLUGIFY.replace(/title/g, 'text')
      .replace(/separator/g, 'joiner')
      .replace(/ *\/\/.*\n/, '');
    const search = candidatesOf({
      'src/blog/slug.ts': SLUGIFY,
      'src/shop/strings.ts': `${copy}\nexport const shout = (text: string): string => text.toUpperCase();\n`,
      'src/shop/product.ts': "import { slugify } from './strings';\nexport const productUrl = (name: string): string => `/p/${slugify(name)}`;\n",
      'src/shop/category.ts': "import { slugify } from './strings';\nexport const categoryUrl = (name: string): string => `/c/${slugify(name)}`;\n",
      'src/blog/post.ts': "import { slugify } from './slug';\nexport const postUrl = (title: string): string => `/b/${slugify(title)}`;\n",
    });
    expect(summary(search)).toEqual(['slugify: src/shop/strings.ts, src/blog/slug.ts']);
    const [cluster] = search.clusters;
    expect(cluster!.members.map((member) => member.importers)).toEqual([2, 1]);
    expect(cluster!.evidence).toMatch(/^same parameters \(required, optional\), declarations \d+% alike or more$/);
  });

  it('counts the components that import a copy among its importers', () => {
    const copy = SLUGIFY.replace(/ *\/\/.*\n/, '');
    const component = (slug: string): string =>
      `<template><a :href="url">link</a></template>\n<script lang="ts">\nimport { slugify } from '${slug}';\nexport default { computed: { url: () => slugify('a') } };\n</script>\n`;
    const search = candidatesOf({
      'src/blog/slug.ts': SLUGIFY,
      'src/shop/strings.ts': copy,
      'src/shop/product.ts': "import { slugify } from './strings';\nexport const productUrl = (name: string): string => `/p/${slugify(name)}`;\n",
      'src/blog/Post.vue': component('./slug'),
      'src/blog/Teaser.vue': component('./slug'),
    });
    expect(search.clusters.map((cluster) => cluster.members.map((member) => `${member.file} ${member.importers}`))).toEqual([['src/blog/slug.ts 2', 'src/shop/strings.ts 1']]);
  });

  it('the same code with different data (one per locale) is not a cluster', () => {
    const locale = (words: [string, string, string]): string =>
      `const phrases = {\n  today: '${words[0]}',\n  yesterday: '${words[1]}',\n  tomorrow: '${words[2]}',\n};\n\nexport const formatRelative = (token: keyof typeof phrases): string => phrases[token];\n`;
    const search = candidatesOf({
      'src/locale/en/formatRelative.ts': locale(['today', 'yesterday', 'tomorrow']),
      'src/locale/de/formatRelative.ts': locale(['heute', 'gestern', 'morgen']),
      'src/locale/fr/formatRelative.ts': locale(["aujourd'hui", 'hier', 'demain']),
      // A copy of one locale under another name is a duplicate.
      'src/locale/en-GB/formatRelative.ts': locale(['today', 'yesterday', 'tomorrow']),
    });
    expect(summary(search)).toEqual(['formatRelative: src/locale/en-GB/formatRelative.ts, src/locale/en/formatRelative.ts']);
  });

  it('sibling subclasses of one base are no family cluster; a family with a member under a second name is', () => {
    const parser = (name: string, body: string): string => `import { Parser } from './Parser';\nexport class ${name} extends Parser {\n  parse(text: string): unknown {\n    ${body}\n  }\n}\n`;
    const siblings = {
      'src/parsers/Parser.ts': 'export abstract class Parser {\n  abstract parse(text: string): unknown;\n}\n',
      'src/parsers/DayParser.ts': parser('DayParser', 'return Number(text.slice(0, 2));'),
      'src/parsers/MonthParser.ts': parser('MonthParser', "return text.split('-')[1];"),
      'src/parsers/YearParser.ts': parser('YearParser', 'return new Date(text).getFullYear();'),
    };
    expect(summary(candidatesOf(siblings))).toEqual([]);

    const renamed = candidatesOf({ ...siblings, 'src/parsers/legacy.ts': "import { DayParser } from './DayParser';\nexport const LegacyDayParser = DayParser;\n" });
    expect(renamed.clusters.map((cluster) => cluster.label)).toEqual(['*Parser']);
    expect(renamed.clusters[0]!.members.map((member) => member.file)).toContain('src/parsers/legacy.ts');
  });
});

describe('init candidate clusters in a repo with tests', () => {
  it('counts a cluster of test files alone without suggesting it, however often each test imports its copy', () => {
    const entity = (name: string): string => `export class ${name} {\n  id = 0;\n  title = '';\n  constructor(title: string) {\n    this.title = title;\n  }\n}\n`;
    const tests: Record<string, string> = {};
    for (const area of ['insert', 'update', 'remove', 'find']) {
      tests[`test/${area}/entity/Post.ts`] = entity('Post');
      for (const spec of ['a', 'b', 'c']) tests[`test/${area}/${spec}.test.ts`] = "import { Post } from './entity/Post';\nexport const post = new Post('x');\n";
    }
    const search = candidatesOf({
      ...tests,
      'src/blog/slug.ts': SLUGIFY,
      'src/shop/slug.ts': SLUGIFY,
      'src/shop/product.ts': "import { slugify } from './slug';\nexport const productUrl = (name: string): string => `/p/${slugify(name)}`;\n",
    });
    expect(summary(search)).toEqual(['slugify: src/shop/slug.ts, src/blog/slug.ts']);
    expect(search.inTests).toBe(1);
    expect(renderCandidates(search, 'ssot-migrate init')).toMatch(/\n1 cluster of test files alone \(fixtures each test declares\) is not listed\.\n$/);
  });
});
