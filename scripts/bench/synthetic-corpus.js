// A deterministic synthetic service for the benchmark: one canonical WebSocket manager, two
// legacy facades, a barrel, a user-context type, and `size` files of which some are candidates
// (they import a legacy module, a facade or the barrel, construct managers or call the legacy
// `add_connection`) and the rest are ordinary feature code that none of the phases needs.
// It has a tsconfig and a config for all four phases, so the type-aware phases run too.
// Same arguments, same bytes: the corpus is cached under the temp folder by its parameters.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Bump when the generated text changes, so cached corpora are rebuilt. */
const GENERATOR_VERSION = 4;
/** Share of candidate files when no fixed count is asked for (the example service has ~25%; large repos far less). */
export const DEFAULT_CANDIDATE_SHARE = 0.08;

const CANONICAL = 'src/core/unified_manager.ts';
const FACADE = 'src/core/websocket_manager.ts';
const ALIAS = 'src/core/manager_alias.ts';
const CONTEXT = 'src/core/context.ts';
const SHARED_MODULES = 24;

/**
 * Generates (or reuses) the corpus. `candidates` fixes the number of candidate files whatever the
 * size; by default it is DEFAULT_CANDIDATE_SHARE of the size.
 * Returns { repo, config, size, candidates, name }.
 */
export function syntheticCorpus({ size, candidates, folder = path.join(os.tmpdir(), 'ssot-bench') }) {
  const candidateCount = Math.min(size - 8, candidates ?? Math.round(size * DEFAULT_CANDIDATE_SHARE));
  const name = `synthetic-${size}${candidates === undefined ? '' : `-c${candidateCount}`}`;
  const repo = path.join(folder, `${name}-v${GENERATOR_VERSION}`);
  const config = path.join(repo, 'ssot.config.json');
  const marker = path.join(repo, '.complete');
  if (!fs.existsSync(marker)) {
    fs.rmSync(repo, { recursive: true, force: true });
    writeCorpus(repo, size, candidateCount);
    fs.writeFileSync(marker, '');
  }
  return { name, repo, config, size, candidates: candidateCount };
}

function writeCorpus(repo, size, candidateCount) {
  const write = (file, text) => {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.writeFileSync(path.join(repo, file), text);
  };
  const random = seededRandom(size * 7919 + candidateCount);

  write(
    'tsconfig.json',
    `${JSON.stringify(
      {
        compilerOptions: { target: 'ES2022', module: 'commonjs', moduleResolution: 'node10', strict: true, skipLibCheck: true, noEmit: true, types: [] },
        include: ['src'],
      },
      null,
      2,
    )}\n`,
  );
  write('ssot.config.json', `${JSON.stringify(configFor(), null, 2)}\n`);
  write('.gitignore', 'node_modules\n');
  write(CONTEXT, 'export interface UserExecutionContext {\n  userId: string;\n  threadId: string;\n}\n');
  write(CANONICAL, canonicalModule());
  write(
    FACADE,
    [
      "import { UnifiedWebSocketManager } from './unified_manager';",
      '',
      '/** @deprecated use UnifiedWebSocketManager */',
      'export class WebSocketManager extends UnifiedWebSocketManager {}',
      '',
      '/** @deprecated shares one manager between every user: use createWebSocketManager(context) */',
      'const shared = new UnifiedWebSocketManager();',
      'export function getWebSocketManager(): UnifiedWebSocketManager {',
      '  return shared;',
      '}',
      '',
    ].join('\n'),
  );
  write(ALIAS, "export { UnifiedWebSocketManager as ManagerAlias } from './unified_manager';\n");
  write('src/core/index.ts', "export * from './unified_manager';\nexport type { UserExecutionContext } from './context';\n");
  for (let index = 0; index < SHARED_MODULES; index++) write(`src/shared/util_${index}.ts`, sharedModule(index));

  // Candidates are spread evenly over the files, so every feature folder has a few.
  const consumers = size - 5 - SHARED_MODULES;
  const stride = consumers / Math.max(1, candidateCount);
  const candidateAt = new Set(Array.from({ length: candidateCount }, (_, index) => Math.floor(index * stride)));
  let kind = 0;
  for (let index = 0; index < consumers; index++) {
    const file = `src/feature_${index % 50}/part_${Math.floor(index / 50) % 12}/module_${index}.ts`;
    const candidate = candidateAt.has(index) ? CANDIDATE_KINDS[kind++ % CANDIDATE_KINDS.length] : undefined;
    write(file, consumerModule(index, random, candidate));
  }
}

function configFor() {
  const canonical = (name) => ({ module: CANONICAL, export: name });
  return {
    include: ['src/**/*.ts'],
    canonical: { module: CANONICAL },
    legacy: [
      { module: FACADE, exports: { WebSocketManager: 'UnifiedWebSocketManager', getWebSocketManager: null } },
      { module: ALIAS, exports: { ManagerAlias: 'UnifiedWebSocketManager' } },
    ],
    facades: { modules: [FACADE, ALIAS], detect: true },
    signatures: {
      interface: canonical('WebSocketManagerProtocol'),
      templates: [
        {
          match: '$manager.add_connection($socket, $ctx)',
          replace: '$manager.addConnection({ socket: $socket, userId: $ctx.userId, threadId: $ctx.threadId })',
          receivers: [canonical('UnifiedWebSocketManager')],
        },
      ],
    },
    factories: {
      factory: canonical('createWebSocketManager'),
      contextType: { module: CONTEXT, export: 'UserExecutionContext' },
      isolationKey: ['userId', 'threadId'],
      patterns: [
        { kind: 'accessor', function: { module: FACADE, export: 'getWebSocketManager' } },
        { kind: 'construct', class: canonical('UnifiedWebSocketManager') },
      ],
    },
  };
}

function canonicalModule() {
  return `import type { UserExecutionContext } from './context';

export interface ConnectionOptions {
  socket: string;
  userId: string;
  threadId: string;
}

export interface WebSocketManagerProtocol {
  addConnection(options: ConnectionOptions): void;
  sendMessage(userId: string, message: unknown): void;
  emitAgentEvent(userId: string, event: string, payload: unknown): void;
}

export class UnifiedWebSocketManager implements WebSocketManagerProtocol {
  private readonly connections = new Map<string, ConnectionOptions>();

  addConnection(options: ConnectionOptions): void {
    this.connections.set(options.socket, options);
  }

  /** @deprecated use addConnection({ socket, userId, threadId }) */
  add_connection(socket: string, context: UserExecutionContext): void {
    this.addConnection({ socket, userId: context.userId, threadId: context.threadId });
  }

  sendMessage(userId: string, message: unknown): void {
    for (const connection of this.connections.values()) if (connection.userId === userId) void message;
  }

  emitAgentEvent(userId: string, event: string, payload: unknown): void {
    this.sendMessage(userId, { event, payload });
  }
}

const managers = new Map<string, UnifiedWebSocketManager>();

export function createWebSocketManager(context: UserExecutionContext): UnifiedWebSocketManager {
  const key = \`\${context.userId}:\${context.threadId}\`;
  let manager = managers.get(key);
  if (!manager) {
    manager = new UnifiedWebSocketManager();
    managers.set(key, manager);
  }
  return manager;
}
`;
}

function sharedModule(index) {
  return `// Shared helpers, group ${index}.
export interface Record${index} {
  id: string;
  createdAt: number;
  tags: string[];
}

export function normalise${index}(input: string): string {
  return input.trim().toLowerCase().replace(/\\s+/g, '-');
}

export function byDate${index}(a: Record${index}, b: Record${index}): number {
  return a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}
`;
}

/** What makes a file a candidate: each kind touches one or more phases, as in the example service. */
const CANDIDATE_KINDS = [
  // Legacy facade import, shared accessor and the legacy call shape: imports, facades, factories, signatures.
  (index) => ({
    imports: ["import { WebSocketManager, getWebSocketManager } from '../../core/websocket_manager';", "import type { UserExecutionContext } from '../../core/context';"],
    body: `export function connect${index}(context: UserExecutionContext, socket: string): WebSocketManager {
  const manager = getWebSocketManager();
  manager.add_connection(socket, context);
  return manager as WebSocketManager;
}
`,
  }),
  // Aliased facade and direct construction: imports, facades, factories.
  (index) => ({
    imports: ["import { ManagerAlias } from '../../core/manager_alias';", "import type { UserExecutionContext } from '../../core/context';"],
    body: `export function open${index}(context: UserExecutionContext): ManagerAlias {
  const manager = new ManagerAlias();
  manager.sendMessage(context.userId, 'opened ${index}');
  return manager;
}
`,
  }),
  // Dual import of a legacy and the canonical module: imports.
  (index) => ({
    imports: [
      "import { WebSocketManager } from '../../core/websocket_manager';",
      "import { createWebSocketManager } from '../../core/unified_manager';",
      "import type { UserExecutionContext } from '../../core/context';",
    ],
    body: `export function pair${index}(context: UserExecutionContext): WebSocketManager[] {
  return [createWebSocketManager(context) as WebSocketManager];
}
`,
  }),
  // Canonical import with the legacy call shape and a context-free construction: signatures, factories.
  (index) => ({
    imports: ["import { UnifiedWebSocketManager, createWebSocketManager } from '../../core/unified_manager';", "import type { UserExecutionContext } from '../../core/context';"],
    body: `export function send${index}(context: UserExecutionContext, socket: string): void {
  const manager: UnifiedWebSocketManager = createWebSocketManager(context);
  manager.add_connection(socket, context);
  const fallback = new UnifiedWebSocketManager();
  fallback.emitAgentEvent(context.userId, 'sent', ${index});
}
`,
  }),
  // Through the barrel: imports (indirect), factories.
  (index) => ({
    imports: ["import { UnifiedWebSocketManager, type UserExecutionContext } from '../../core';"],
    body: `export function relay${index}(context: UserExecutionContext): UnifiedWebSocketManager {
  const manager = new UnifiedWebSocketManager();
  manager.sendMessage(context.userId, { relay: ${index} });
  return manager;
}
`,
  }),
];

/** Ordinary feature code of 1.5–10 KB (6 KB on average, like the six-repository corpus): interfaces, a class, functions, comments. */
function consumerModule(index, random, candidate) {
  const shared = Math.floor(random() * SHARED_MODULES);
  const imports = [`import { normalise${shared}, byDate${shared}, type Record${shared} } from '../../shared/util_${shared}';`];
  const blocks = [];
  if (candidate) {
    const parts = candidate(index);
    imports.unshift(...parts.imports);
    blocks.push(parts.body);
  }
  const count = 1 + Math.floor(random() * 7);
  for (let block = 0; block < count; block++) blocks.push(featureBlock(`${index}_${block}`, shared, random));
  return `${imports.join('\n')}\n\n${blocks.join('\n')}`;
}

function featureBlock(id, shared, random) {
  const limit = 10 + Math.floor(random() * 90);
  return `/**
 * Orders of feature ${id}: groups the records by tag and keeps the ${limit} newest per tag.
 * Records without tags are filed under "untagged".
 */
export interface Summary${id} {
  tag: string;
  count: number;
  newest: Record${shared}[];
}

export class Catalogue${id} {
  private readonly byTag = new Map<string, Record${shared}[]>();

  add(record: Record${shared}): void {
    const tags = record.tags.length > 0 ? record.tags.map(normalise${shared}) : ['untagged'];
    for (const tag of tags) {
      const list = this.byTag.get(tag) ?? [];
      list.push(record);
      this.byTag.set(tag, list);
    }
  }

  summaries(): Summary${id}[] {
    const result: Summary${id}[] = [];
    for (const [tag, records] of this.byTag) {
      const newest = [...records].sort(byDate${shared}).reverse().slice(0, ${limit});
      result.push({ tag, count: records.length, newest });
    }
    return result.sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }
}

export function render${id}(summaries: Summary${id}[]): string {
  // One line per tag; the widest count sets the column width.
  const width = Math.max(0, ...summaries.map((summary) => String(summary.count).length));
  return summaries
    .map((summary) => \`\${String(summary.count).padStart(width)}  \${summary.tag} (\${summary.newest.map((record) => record.id).join(', ')})\`)
    .join('\\n');
}
`;
}

function seededRandom(seed) {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}
