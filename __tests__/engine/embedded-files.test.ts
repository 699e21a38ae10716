// Component files in scope: the code of Vue and Svelte <script> blocks, and of Astro's frontmatter
// and bundled scripts, is scanned and rewritten like a module, with locations in the real file and
// every byte outside the blocks kept; other modules import the components by path; an .mdx file's
// ESM is read the same way, and one whose frontmatter never closes is counted as not parsed.
import { createProject } from '../../src/engine/project';
import { processText, type PreparedPhase } from '../../src/engine/run-engine';
import { processEmbedded } from '../../src/engine/embedded-files';
import { definePhase } from '../../src/phase-api/define-phase';
import { makeRepo, SMALL_CONFIG, type TempRepo } from '../helpers/cli-repo';
import { loadConfig } from '../../src/config/load-config';

const STATUS_VUE = [
  '<template>',
  '  <!-- <script>import x from "../websocket_manager";</script> -->',
  '  <p :class="{ on: connected }">{{ label }}</p>',
  '</template>',
  '',
  '<script setup lang="ts">',
  "import { WebSocketManager } from '../websocket_manager';",
  'const manager = new WebSocketManager();',
  "const label = 'status';",
  '</script>',
  '',
  '<style scoped>',
  'p { color: red; }',
  '</style>',
  '',
].join('\n');

const PANEL_SVELTE = [
  '<script context="module">',
  "  export const title = 'panel';",
  '</script>',
  '',
  '<script lang="ts">',
  "  import { WebSocketManager } from '../websocket_manager';",
  "  import Status from './Status.vue';",
  '  export let manager: WebSocketManager;',
  '</script>',
  '',
  '<h1 on:click={() => manager && go("<script>")}>{title}</h1>',
  '<Status />',
  '',
].join('\n');

/** Two blocks that each import the legacy module: both are rewritten, the markup between them kept. */
const TWO_BLOCKS_VUE = [
  '<script lang="ts">',
  "import type { WebSocketManager } from '../websocket_manager';",
  'export interface Props { manager: WebSocketManager }',
  '</script>',
  '<template><span>two</span></template>',
  '<script setup lang="ts">',
  "import { WebSocketManager as Manager } from '../websocket_manager';",
  'defineProps<{ manager: Manager }>();',
  '</script>',
  '',
].join('\n');

const PAGE_ASTRO = [
  '---',
  "import { WebSocketManager } from '../websocket_manager';",
  'const manager = new WebSocketManager();',
  '---',
  '<h1>{String(manager)}</h1>',
  '<script>',
  "import { WebSocketManager } from '../websocket_manager';",
  'new WebSocketManager();',
  '</script>',
  '<script is:inline>',
  "import { WebSocketManager } from '/websocket_manager.js';",
  '</script>',
  '',
].join('\n');

function componentRepo(): TempRepo {
  return makeRepo({
    'ssot.config.json': JSON.stringify({ ...SMALL_CONFIG, include: ['src/**/*', 'docs/**/*'] }, null, 2) + '\n',
    'src/unified_manager.ts': 'export class UnifiedWebSocketManager {}\n',
    'src/websocket_manager.ts': "export { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';\n",
    'src/components/Status.vue': STATUS_VUE,
    'src/components/Panel.svelte': PANEL_SVELTE,
    'src/components/Two.vue': TWO_BLOCKS_VUE,
    'src/pages/index.astro': PAGE_ASTRO,
    'src/app.ts': "import Status from './components/Status.vue';\nexport const root = Status;\n",
    'docs/guide.mdx': "---\ntitle: Guide\n\nimport { Chart } from './chart';\n\n# Guide\n\n<Chart />\n",
    'docs/usage.mdx': "import { WebSocketManager } from '../src/websocket_manager';\n\n# Usage\n\n<WebSocketManager />\n",
  });
}

interface JsonReport {
  filesScanned: number;
  filesParsed: number;
  filesNotParsed: number;
  counts: Array<{ phase: string; kind: string; total: number; fixable: number }>;
  files: Array<{ file: string; status: string; reason?: string; error?: string; findingsBefore: Array<{ file: string; line: number; column: number; kind: string }> }>;
}

describe('component files', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = componentRepo();
  });
  afterAll(() => repo.remove());

  it('scan counts the legacy imports in <script> blocks and frontmatter at their place in the file, and the .mdx as not parsed', async () => {
    const scan = await repo.run(['scan', '--format', 'json']);
    const report = JSON.parse(scan.stdout) as JsonReport;
    expect(report.filesScanned).toBe(9);
    expect(report.filesNotParsed).toBe(1);
    const file = (name: string): JsonReport['files'][number] | undefined => report.files.find((entry) => entry.file === name);
    expect(file('docs/guide.mdx')).toMatchObject({ status: 'not-parsed', reason: 'its frontmatter has no closing ---: not parsed' });
    const importsAt = (name: string): string[] =>
      file(name)!
        .findingsBefore.filter((finding) => finding.kind === 'legacy-import')
        .map((finding) => `${finding.file}:${finding.line}:${finding.column}`);
    expect(importsAt('src/components/Status.vue')).toEqual(['src/components/Status.vue:7:34']);
    expect(importsAt('src/components/Panel.svelte')).toEqual(['src/components/Panel.svelte:6:36']);
    expect(importsAt('src/components/Two.vue')).toEqual(['src/components/Two.vue:2:39', 'src/components/Two.vue:7:45']);
    expect(importsAt('src/pages/index.astro')).toEqual(['src/pages/index.astro:2:34', 'src/pages/index.astro:7:34']);
    expect(importsAt('docs/usage.mdx')).toEqual(['docs/usage.mdx:1:34']);

    const table = await repo.run(['scan']);
    expect(table.stdout).toContain('Not parsed (1):\n  docs/guide.mdx: its frontmatter has no closing ---');
    expect(table.stdout).toMatch(/9 files in scope, \d+ parsed, 1 not parsed\./);
    const markdown = await repo.run(['scan', '--format', 'markdown']);
    expect(markdown.stdout).toContain('### Not parsed\n\n- `docs/guide.mdx`: its frontmatter has no closing ---');
  });

  it('run imports rewrites the imports inside the blocks (and the ESM of an .mdx file) and leaves the template, the style and the other blocks byte for byte', async () => {
    const run = await repo.run(['run', 'imports', '--write', '--allow-dirty']);
    expect(run.stderr).not.toMatch(/error|skipped/i);
    expect(repo.read('src/components/Status.vue')).toBe(
      STATUS_VUE.replace("import { WebSocketManager } from '../websocket_manager';", "import { UnifiedWebSocketManager as WebSocketManager } from '../unified_manager';"),
    );
    expect(repo.read('src/components/Panel.svelte')).toBe(
      PANEL_SVELTE.replace("  import { WebSocketManager } from '../websocket_manager';", "  import { UnifiedWebSocketManager as WebSocketManager } from '../unified_manager';"),
    );
    expect(repo.read('src/components/Two.vue')).toBe(
      TWO_BLOCKS_VUE.replace("import type { WebSocketManager } from '../websocket_manager';", "import type { UnifiedWebSocketManager as WebSocketManager } from '../unified_manager';").replace(
        "import { WebSocketManager as Manager } from '../websocket_manager';",
        "import { UnifiedWebSocketManager as Manager } from '../unified_manager';",
      ),
    );
    expect(repo.read('docs/usage.mdx')).toBe("import { UnifiedWebSocketManager as WebSocketManager } from '../src/unified_manager';\n\n# Usage\n\n<WebSocketManager />\n");
    expect(repo.read('src/pages/index.astro')).toBe(
      PAGE_ASTRO.replaceAll("import { WebSocketManager } from '../websocket_manager';", "import { UnifiedWebSocketManager as WebSocketManager } from '../unified_manager';"),
    );

    // Idempotent: a second run finds nothing left to change.
    const again = await repo.run(['run', 'imports']);
    expect(again.stdout).not.toContain('+++');
    const scan = JSON.parse((await repo.run(['scan', '--format', 'json'])).stdout) as JsonReport;
    expect(scan.counts.filter((count) => count.phase === 'imports')).toEqual([]);
  });
});

describe('a type-aware phase in a component', () => {
  it('sees the types of a <script> block: signatures rewrites a call on a typed receiver there, and not an untyped one', async () => {
    const component = [
      '<template><button @click="connect">connect</button></template>',
      '<script setup lang="ts">',
      "import type { ManagerProtocol } from './manager';",
      'declare const manager: ManagerProtocol;',
      'declare const other: { add_connection(a: unknown, b: string): void };',
      'function connect(): void {',
      "  manager.add_connection(socket(), 'alice');",
      "  other.add_connection(socket(), 'bob');",
      '}',
      'declare function socket(): unknown;',
      '</script>',
      '',
    ].join('\n');
    const repo = makeRepo({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', noEmit: true }, include: ['src'] }),
      'ssot.config.json': JSON.stringify({
        include: ['src/**/*'],
        canonical: { module: 'src/manager.ts' },
        signatures: {
          templates: [
            { match: '$m.add_connection($socket, $user)', replace: '$m.addConnection({ socket: $socket, userId: $user })', receivers: [{ module: 'src/manager.ts', export: 'ManagerProtocol' }] },
          ],
        },
      }),
      'src/manager.ts': 'export interface ManagerProtocol {\n  addConnection(options: { socket: unknown; userId: string }): void;\n  add_connection(socket: unknown, userId: string): void;\n}\n',
      'src/Connect.vue': component,
    });
    try {
      const scan = JSON.parse((await repo.run(['scan', '--format', 'json'])).stdout) as JsonReport;
      expect(scan.files.find((file) => file.file === 'src/Connect.vue')!.findingsBefore.map((finding) => `${finding.line}:${finding.column} ${finding.kind}`)).toEqual(['7:3 legacy-signature']);
      // TypeScript reads no .vue file: the type-check gate cannot vouch for the change and says so.
      const gated = await repo.run(['run', 'signatures']);
      expect(gated.stdout + gated.stderr).toContain(
        "src/Connect.vue: blocked by the type-check gate: TypeScript does not read .vue files, so nothing here can type-check it; not written (check it with the framework's own checker",
      );
      // The summary says why too: not "in no project", as the tsconfig may well include it.
      expect(gated.stdout).toContain('Type-check gate: 1 file would be blocked (components TypeScript does not read: src/Connect.vue; --no-verify writes it unchecked)');
      const run = await repo.run(['run', 'signatures', '--write', '--no-verify']);
      expect(run.stderr).not.toMatch(/error|skipped/i);
      expect(repo.read('src/Connect.vue')).toBe(component.replace("manager.add_connection(socket(), 'alice')", "manager.addConnection({ socket: socket(), userId: 'alice' })"));
    } finally {
      repo.remove();
    }
  });
});

describe('a file whose code is not read', () => {
  it('is skipped, not just counted, when it names a module of the migration: nothing checks it', async () => {
    const repo = makeRepo({
      'ssot.config.json': JSON.stringify({ ...SMALL_CONFIG, include: ['src/**/*'] }, null, 2) + '\n',
      'src/unified_manager.ts': 'export class UnifiedWebSocketManager {}\n',
      'src/websocket_manager.ts': "export { UnifiedWebSocketManager as WebSocketManager } from './unified_manager';\n",
      'src/usage.mdx': "---\ntitle: Usage\nimport { WebSocketManager } from './websocket_manager';\n\n# Usage\n",
      'src/Legacy.vue': '<script lang="coffee">\nimport { WebSocketManager } from "./websocket_manager"\n</script>\n',
    });
    try {
      const scan = await repo.run(['scan', '--format', 'json']);
      const report = JSON.parse(scan.stdout) as JsonReport;
      expect(report.filesNotParsed).toBe(0);
      expect(report.files.filter((file) => file.status === 'skipped').map((file) => file.error)).toEqual([
        expect.stringMatching(/^src\/Legacy\.vue: its <script> at line 1 is in a language the parser does not read \(lang="coffee"\).*mentions a module of the migration/),
        expect.stringMatching(/^src\/usage\.mdx: its frontmatter has no closing ---.*mentions a module of the migration: check it by hand; skipped$/),
      ]);
      expect(scan.status).toBe(1);
    } finally {
      repo.remove();
    }
  });
});

describe('a component as a module', () => {
  it('resolves an import of a .vue or .svelte file to that repo file, and reads its code as the module', () => {
    const repo = componentRepo();
    try {
      const { config } = loadConfig(repo.root);
      const project = createProject({ repoRoot: repo.root, config });
      expect(project.resolve('./components/Status.vue', 'src/app.ts')).toEqual({ key: 'src/components/Status.vue', isFile: true });
      expect(project.resolve('./Status.vue', 'src/components/Panel.svelte')).toEqual({ key: 'src/components/Status.vue', isFile: true });
      const imported = project
        .parseFile('src/components/Panel.svelte')!
        .find(project.j.ImportDeclaration)
        .nodes()
        .map((node) => `${String(node.source.value)}@${node.loc!.start.line}`);
      expect(imported).toEqual(['../websocket_manager@6', './Status.vue@7']);
      expect(project.parseFile('docs/guide.mdx')).toBeUndefined();
    } finally {
      repo.remove();
    }
  });

  it("is moved like any module: an import of a component's default export follows a move to another component, inside a component too", async () => {
    const button = (name: string): string => `<template><button>${name}</button></template>\n<script setup lang="ts">\nconst label = '${name}';\n</script>\n`;
    const repo = makeRepo({
      'ssot.config.json': JSON.stringify({
        include: ['src/**/*'],
        canonical: { module: 'src/components/NewButton.vue' },
        moves: [{ from: { module: 'src/components/OldButton.vue', export: 'default' }, to: { module: 'src/components/NewButton.vue', export: 'default' } }],
      }),
      'src/components/OldButton.vue': button('old'),
      'src/components/NewButton.vue': button('new'),
      'src/App.vue': '<template><OldButton/></template>\n<script setup lang="ts">\nimport OldButton from \'./components/OldButton.vue\';\n</script>\n',
      'src/main.ts': "import OldButton from './components/OldButton.vue';\nexport { OldButton };\n",
    });
    try {
      const run = await repo.run(['run', 'imports', '--write']);
      expect(run.status).toBe(0);
      expect(repo.read('src/App.vue')).toBe('<template><OldButton/></template>\n<script setup lang="ts">\nimport OldButton from \'./components/NewButton.vue\';\n</script>\n');
      expect(repo.read('src/main.ts')).toBe("import OldButton from './components/NewButton.vue';\nexport { OldButton };\n");
    } finally {
      repo.remove();
    }
  });
});

/** A phase that renames the identifier `OLD` to `rename` (fixable while `OLD` is there), finding it where it stands. */
function renamePhase(rename: string): PreparedPhase[] {
  const phase = definePhase<undefined>({
    meta: { id: 'imports', title: 'rename', description: 'test double', messages: { old: 'OLD' } },
    prepare: () => undefined,
    mayMatter: (text) => text.includes('OLD'),
    detect: (file) => ({
      findings: file.root
        .find(file.j.Identifier, { name: 'OLD' })
        .nodes()
        .map((node) => ({ phase: 'imports', kind: 'old', messageId: 'old', data: {}, fixable: true, file: file.file, line: node.loc!.start.line, column: node.loc!.start.column + 1 })),
      mentions: [],
    }),
    apply: (file) => {
      file.root.find(file.j.Identifier, { name: 'OLD' }).forEach((identifier) => {
        file.touched.push({ start: identifier.node.loc!.start.line, end: identifier.node.loc!.end.line });
        identifier.replace(file.j.identifier(rename));
      });
      return true;
    },
  });
  return [{ id: 'imports', phase, state: undefined }];
}

function processComponent(file: string, text: string, phases: PreparedPhase[], command: 'scan' | 'run') {
  return processEmbedded(file, text, 'vue', phases, (module, code) => processText(module, code, phases, command)).file!;
}

describe('processEmbedded', () => {
  const twoBlocks = '<template><p>OLD</p></template>\n<script>\nexport const OLD = 1;\n</script>\n<script setup lang="ts">\n  const x: number = OLD;\n</script>\n';

  it("reports each block's findings at their line and column in the file", () => {
    const result = processComponent('src/A.vue', twoBlocks, renamePhase('NEW'), 'scan');
    expect(result.findingsBefore.map((finding) => `${finding.file}:${finding.line}:${finding.column}`)).toEqual(['src/A.vue:3:14', 'src/A.vue:6:21']);
  });

  it('puts every rewritten block back and keeps the rest of the file, the template included', () => {
    const result = processComponent('src/A.vue', twoBlocks, renamePhase('NEW'), 'run');
    expect(result.status).toBe('changed');
    expect(result.newText).toBe(twoBlocks.replace('export const OLD', 'export const NEW').replace('= OLD;', '= NEW;'));
  });

  it("keeps a CRLF component's line endings, inside the blocks and out", () => {
    const crlf = twoBlocks.replace(/\n/g, '\r\n');
    const result = processComponent('src/A.vue', crlf, renamePhase('NEW'), 'run');
    expect(result.newText).toBe(crlf.replace('export const OLD', 'export const NEW').replace('= OLD;', '= NEW;'));
  });

  it('writes nothing when one block cannot be rewritten, and names the place in the file', () => {
    const broken = twoBlocks.replace('  const x: number = OLD;', '  const x: number = OLD;\n  let = ;');
    const result = processComponent('src/A.vue', broken, renamePhase('NEW'), 'run');
    expect(result).toMatchObject({ status: 'skipped', error: expect.stringMatching(/^src\/A\.vue:7:\d+: cannot be parsed/) });
    expect(result.newText).toBeUndefined();
  });

  it('refuses a rewrite that would close its own <script> early', () => {
    const result = processComponent('src/A.vue', twoBlocks, renamePhase('NEW /* </script> */'), 'run');
    expect(result).toMatchObject({ status: 'error', error: 'src/A.vue: code block 1 does not read back as rewritten (the rewrite holds text that ends it early, such as </script>); nothing written' });
    expect(result.newText).toBeUndefined();
  });
});
