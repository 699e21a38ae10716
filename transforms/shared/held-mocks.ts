// A test's mock replaces a module for everything the test loads. When a phase leaves a mock for
// a human, re-pointing a loaded file's reference to the mocked module would take the code under
// test out of the mock's reach: the test would run the real module, and fail or pass for the
// wrong reason. So the references to a module whose mock stays are held back in every file the
// test loads, and say which mock holds them.
import type { FileContext, ProjectServices } from '../../src/phase-api/define-phase.js';
import { TextEdits } from '../../src/phase-api/text-edits.js';
import { containsAnyTerm } from '../../src/shared/term-search.js';
import { isMockInstall, MOCK_INSTALLERS } from './mock-plans.js';
import { MOCK_OBJECTS } from './module-references.js';
import type { ImportsState, ReferencePlan } from './reference-plan.js';

export interface HeldMocks {
  /** The mock of `module` left for a human in a test that loads `file` (see ImportsState). */
  heldMockOf: NonNullable<ImportsState['heldMockOf']>;
  /** The files this was read from: the files that mock a module of the migration. */
  sources: readonly string[];
}

type PlanFile = (file: FileContext, state: ImportsState) => { plans: ReferencePlan[] };

interface HeldMock {
  test: string;
  line: number;
  /** The repo files the test loads, found on first use. */
  loads?: ReadonlySet<string>;
}

/**
 * The mocks `state` leaves for a human, found by planning every file that mocks a module of the
 * migration as the visit will (`plan` is the visit's planner, run here without this check).
 */
export function findHeldMocks(project: ProjectServices, state: ImportsState, plan: PlanFile): HeldMocks {
  const held = new Map<string, HeldMock[]>();
  const tests: string[] = [];
  for (const file of project.files) {
    const text = project.readFile(file);
    if (text === undefined || !containsAnyTerm(text, MOCK_WORDS) || !mocksModuleOfMigration(text, file, state)) continue;
    const parsed = project.parseSyntaxTree(file);
    if (!parsed) continue;
    tests.push(file);
    const context: FileContext = { file, source: parsed.source, j: parsed.j, root: parsed.root, edits: new TextEdits(parsed.source), touched: [] };
    for (const { reference, module, fix } of plan(context, state).plans) {
      if (fix || !isMockInstall(reference)) continue;
      held.set(module.key, [...(held.get(module.key) ?? []), { test: file, line: reference.line }]);
    }
  }
  return {
    heldMockOf(file, module) {
      let holding: HeldMock | undefined;
      for (const mock of held.get(module) ?? []) {
        mock.loads ??= loadedFiles(project, mock.test);
        // Whether a test loads the file hangs on the imports of every file it loads: reading
        // their records makes each a dependency of the file asking (the scan cache's reads).
        for (const loaded of mock.loads) project.moduleRecord(loaded);
        if (!holding && mock.test !== file && mock.loads.has(file)) holding = mock;
      }
      return holding;
    },
    sources: tests,
  };
}

/** Words a file that installs a mock is written with (`jest.mock(`, `vi.doMock(`…). */
const MOCK_WORDS = ['mock', 'Mock'];

/** A call that installs a mock, and the module path it names. */
const MOCK_CALL = new RegExp(`\\b(?:${[...MOCK_OBJECTS].join('|')})\\s*\\.\\s*(?:${MOCK_INSTALLERS.join('|')})\\s*(?:<[^>()]*>)?\\s*\\(\\s*(['"\`])([^'"\`\\n]+)\\1`, 'g');

/** Whether the text installs a mock of a module the migration moves names away from: only such a file is parsed here. */
function mocksModuleOfMigration(text: string, file: string, state: ImportsState): boolean {
  for (const match of text.matchAll(MOCK_CALL)) {
    // Terms of file names end with the closing quote: test the quoted path.
    if (!containsAnyTerm(`${match[1]}${match[2]}${match[1]}`, state.terms)) continue;
    const role = state.map.roleOf(state.project.resolve(match[2]!, file).key);
    if (role && role !== 'canonical') return true;
  }
  return false;
}

/**
 * The repo files a test loads, through static imports and re-exports: what a mock it installs
 * reaches. (A `require` or `import()` in a loaded file is not followed.)
 */
function loadedFiles(project: ProjectServices, test: string): ReadonlySet<string> {
  const loaded = new Set<string>();
  const pending = [test];
  while (pending.length > 0) {
    const file = pending.pop()!;
    const record = project.moduleRecord(file);
    if (!record) continue;
    const specifiers = [...record.imports.map((entry) => entry.specifier), ...record.exports.flatMap((entry) => (entry.from ? [entry.from.specifier] : []))];
    for (const specifier of specifiers) {
      const module = project.resolve(specifier, file);
      if (!module.isFile || loaded.has(module.key)) continue;
      loaded.add(module.key);
      pending.push(module.key);
    }
  }
  return loaded;
}
