// Finding the code of component files: top-level <script> blocks of Vue and Svelte files with
// their language and offsets, Astro frontmatter, and the files whose code is not read.
import { embeddedModules, findScriptBlocks, moduleView, type EmbeddedKind } from '../../src/engine/embedded-scripts';

/** Each block's code and language, in file order. */
function blocksOf(text: string, kind: EmbeddedKind): Array<{ code: string; language: string }> {
  const scripts = findScriptBlocks(text, kind);
  if ('problem' in scripts) throw new Error(scripts.problem);
  return scripts.blocks.map((block) => ({ code: text.slice(block.start, block.end), language: block.language }));
}

describe('findScriptBlocks', () => {
  it('finds a Vue file\'s <script> and <script setup lang="ts"> blocks with their languages, not the template or style', () => {
    const text = [
      '<template>',
      '  <div :title="a > b">{{ msg }}</div>',
      '</template>',
      '<script>',
      'export default { name: "A" };',
      '</script>',
      '<script setup lang="ts">',
      "import { x } from './x';",
      '</script>',
      '<style scoped>',
      '.a { color: red; }',
      '</style>',
      '',
    ].join('\n');
    expect(blocksOf(text, 'vue')).toEqual([
      { code: '\nexport default { name: "A" };\n', language: 'js' },
      { code: "\nimport { x } from './x';\n", language: 'ts' },
    ]);
  });

  it('gives each block its line and column in the file', () => {
    const text = '<template><p/></template>\n\n<script lang="tsx">const a = <b/>;</script>\n';
    const scripts = findScriptBlocks(text, 'vue');
    expect(scripts).toEqual({ blocks: [{ start: 46, end: 61, language: 'tsx', line: 3, column: 19 }] });
    expect(text.slice(46, 61)).toBe('const a = <b/>;');
  });

  it('skips <script> written inside an HTML comment, a <style>, the template or a nested element', () => {
    const text = [
      '<!-- <script>commented()</script> -->',
      '<template>',
      '  <template v-if="a"><script>inTemplate()</script></template>',
      '  <pre>&lt;script&gt;</pre>',
      '</template>',
      '<style>/* <script>inStyle()</script> */</style>',
      '<script>real()</script>',
    ].join('\n');
    expect(blocksOf(text, 'vue')).toEqual([{ code: 'real()', language: 'js' }]);
  });

  it('reads past markup expressions that hold tag-like text: Vue {{…}} and Svelte {…}', () => {
    const vue = "<template><p>{{ '<script>' + '</template>' }}</p>{ not an expression <b>x</b></template>\n<script>real()</script>";
    expect(blocksOf(vue, 'vue')).toEqual([{ code: 'real()', language: 'js' }]);
    const svelte = "{@html '<script>evil()</script>'}\n<p>{'</p><script>'}</p>\n<script>real()</script>";
    expect(blocksOf(svelte, 'svelte')).toEqual([{ code: 'real()', language: 'js' }]);
  });

  it('reads a Vue custom block or a template in another language as text to its closing tag', () => {
    const text = [
      '<docs>',
      'Use it as <script setup> import Panel from "./Panel.vue" </script> in a page, or open a <template>.',
      '</docs>',
      '<i18n lang="json">{ "open": "<script>" }</i18n>',
      '<template lang="pug">',
      'div(title="<script>") hello',
      '</template>',
      '<script>real()</script>',
    ].join('\n');
    expect(blocksOf(text, 'vue')).toEqual([{ code: 'real()', language: 'js' }]);
  });

  it('reads Svelte module and instance scripts, and skips one in <svelte:head> and attribute values that hold ">"', () => {
    const text = [
      '<script context="module" lang="ts">export const shared = 1;</script>',
      "<script lang='ts'>import A from './A.svelte';</script>",
      '<svelte:head><script src="https://cdn.example/x.js"></script><script>window.inHead = 1;</script></svelte:head>',
      "<button on:click={() => go('<script>')} {...rest}>{count > 1 ? 'many' : 'one'}</button>",
      '<div title="</div><script>">text</div>',
      '<script>last()</script>',
    ].join('\n');
    expect(blocksOf(text, 'svelte')).toEqual([
      { code: 'export const shared = 1;', language: 'ts' },
      { code: "import A from './A.svelte';", language: 'ts' },
      { code: 'last()', language: 'js' },
    ]);
  });

  it('reads the language from lang or type, and leaves a <script src> to the file it names', () => {
    const text = '<script type="text/typescript">a()</script><script lang="jsx">b()</script><script src="./c.ts"></script>';
    expect(blocksOf(text, 'vue')).toEqual([
      { code: 'a()', language: 'ts' },
      { code: 'b()', language: 'jsx' },
    ]);
  });

  it('does not read a block in a language the parser does not know, nor one never closed', () => {
    expect(findScriptBlocks('<script lang="coffee">a = 1</script>', 'vue')).toEqual({
      problem: expect.stringMatching(/<script> at line 1 is in a language the parser does not read \(lang="coffee"\)/),
    });
    expect(findScriptBlocks('<template></template>\n<script>\nlet a;\n', 'vue')).toEqual({ problem: expect.stringMatching(/<script> opened at line 2 is never closed/) });
  });

  it('reads Astro frontmatter as TypeScript, and nothing of a file without it', () => {
    const text = "---\r\nimport Card from '../components/Card.astro';\r\nconst { title } = Astro.props;\r\n---\r\n<Card title={title} />\r\n";
    expect(blocksOf(text, 'astro')).toEqual([{ code: "import Card from '../components/Card.astro';\r\nconst { title } = Astro.props;\r\n", language: 'ts' }]);
    expect(blocksOf('<h1>No code</h1>\n', 'astro')).toEqual([]);
    expect(findScriptBlocks('---\nconst a = 1;\n', 'astro')).toEqual({ problem: expect.stringMatching(/no closing ---/) });
  });

  it('reads the <script> tags Astro bundles (no attributes), at any depth, and leaves inline ones and expressions alone', () => {
    const text = [
      '---',
      "import Nav from './Nav.astro';",
      '---',
      '<Nav title={"<script>"} />',
      '<main>',
      "  <script>import { track } from '../analytics';</script>",
      '  <script is:inline>window.inline = 1;</script>',
      '  <script type="module">window.module = 1;</script>',
      "  {show && '<script>'}",
      '  <style>/* <script>styled()</script> */</style>',
      '</main>',
      '<script>bundled()</script>',
    ].join('\n');
    expect(blocksOf(text, 'astro')).toEqual([
      { code: "import Nav from './Nav.astro';\n", language: 'ts' },
      { code: "import { track } from '../analytics';", language: 'ts' },
      { code: 'bundled()', language: 'ts' },
    ]);
  });

  it('reads the ESM of an .mdx file: import and export paragraphs, outside the frontmatter and fenced code', () => {
    const text = [
      '---',
      'title: Guide',
      'import: a YAML key, not code',
      '---',
      "import { Chart } from './chart';",
      "import Table from './table.mdx';",
      '',
      'export const meta = {',
      "  title: 'Guide',",
      '',
      "  tags: ['charts'],",
      '};',
      '',
      '# Guide',
      '',
      'Text that says import { nothing } is prose.',
      '',
      '```ts',
      "import { Shown } from './shown';",
      '```',
      '',
      "export { Table } from './table.mdx';",
      '',
      '<Chart />',
    ].join('\n');
    expect(blocksOf(text, 'mdx')).toEqual([
      { code: "import { Chart } from './chart';\nimport Table from './table.mdx';", language: 'jsx' },
      { code: "export const meta = {\n  title: 'Guide',\n\n  tags: ['charts'],\n};", language: 'jsx' },
      { code: "export { Table } from './table.mdx';", language: 'jsx' },
    ]);
  });

  it('reads MDX ESM after a heading, a fence or JSX, and across a blank line inside a template literal; not where it would continue a paragraph', () => {
    const text = [
      '# Usage',
      "import { trim } from './legacy';",
      '',
      'A paragraph that goes on',
      "import { not } from 'prose';",
      '',
      '```',
      'code',
      '```',
      'export const query = `',
      'a',
      '',
      'b',
      '`;',
      '',
      '<Chart />',
      "import { Chart } from './chart';",
      '',
      "import{ tight } from 'prose-too';",
    ].join('\n');
    expect(blocksOf(text, 'mdx')).toEqual([
      { code: "import { trim } from './legacy';", language: 'jsx' },
      { code: 'export const query = `\na\n\nb\n`;', language: 'jsx' },
      { code: "import { Chart } from './chart';", language: 'jsx' },
    ]);
  });

  it('says why an .mdx file whose frontmatter never closes is not read', () => {
    expect(findScriptBlocks("---\ntitle: x\nimport X from './x';\n", 'mdx')).toEqual({ problem: 'its frontmatter has no closing ---: not parsed' });
  });
});

describe('embeddedModules', () => {
  it("names a block as a module in the file's folder with its language's extension, numbered when there are several", () => {
    const names = (text: string): string[] => {
      const found = embeddedModules('src/A.vue', text, 'vue');
      if ('problem' in found) throw new Error(found.problem);
      return found.modules.map((module) => `${module.name} ${module.code}`);
    };
    expect(names('<script lang="ts">a</script>')).toEqual(['src/A.vue.ts a']);
    expect(names('<script>a</script><script setup lang="ts">b</script>')).toEqual(['src/A.vue.1.js a', 'src/A.vue.2.ts b']);
  });
});

describe('moduleView', () => {
  it("keeps the code blocks where they are and blanks the rest, so offsets are the file's own, and adds the component's default export after the end", () => {
    const text = '<template>\n  <a/>\n</template>\n<script setup lang="ts">\nimport x from "./x";\n</script>\n';
    const view = moduleView('src/A.vue', text)!;
    expect(view.parseAs).toBe('src/A.vue.ts');
    expect(view.code.split('\n')).toEqual(['          ', '      ', '           ', '                        ', 'import x from "./x";', '         ', '', ';export default function () {}', '']);
  });

  it('adds no default export to a component that writes its own', () => {
    const text = '<script>\nexport default { name: "A" };\n</script>\n<template><a/></template>\n';
    expect(moduleView('src/A.vue', text)!.code).toHaveLength(text.length);
  });

  it('is the text itself for a source file, and nothing for a file whose code is not read', () => {
    expect(moduleView('src/a.ts', 'let a;')).toEqual({ code: 'let a;', parseAs: 'src/a.ts' });
    expect(moduleView('docs/a.mdx', '---\n# A')).toBeUndefined();
  });
});
