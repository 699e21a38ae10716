// Every expected output is code a reviewer would merge: its imports are all used, no module is
// imported twice the same way, and every comment of the input is still there (but the ones
// inside code a phase deletes on purpose, listed below).
import fs from 'node:fs';
import path from 'node:path';
import type { ASTPath, Collection } from 'jscodeshift';
import { jscodeshiftFor, parseSyntax } from '../../src/engine/parsers';
import { openSource } from '../../src/engine/source-text';
import { PHASE_IDS } from '../../transforms/index';
import { crossFileCases, fixtureCases, FIXTURES_ROOT, readInput, treeOf } from '../helpers/phase-fixtures';

/** Comments that go with code a phase removes on purpose, by fixture (`phase/case` or `phase/case/file`). */
const DELETED_WITH_THEIR_CODE: Record<string, string[]> = {};

interface Pair {
  label: string;
  file: string;
  input: string;
  output: string;
}

const flatOutputs: Pair[] = PHASE_IDS.flatMap((phase) =>
  fixtureCases(phase)
    .filter((fixture) => fixture.expected !== undefined)
    .map((fixture) => ({ label: `${phase}/${fixture.name}`, file: fixture.input, input: readInput(phase, fixture), output: fixture.expected! })),
);

const crossFileOutputs: Pair[] = PHASE_IDS.flatMap((phase) =>
  crossFileCases(phase).flatMap((name) => {
    const input = treeOf(path.join(FIXTURES_ROOT, phase, name, 'input'));
    const output = treeOf(path.join(FIXTURES_ROOT, phase, name, 'output'));
    // A file the phase deletes takes its comments with it: only files that survive are compared.
    return [...output].filter(([file]) => /\.[cm]?[jt]sx?$/.test(file) && input.has(file)).map(([file, text]) => ({ label: `${phase}/${name}/${file}`, file, input: input.get(file)!, output: text }));
  }),
);

describe('fixture outputs', () => {
  it('has outputs to check', () => {
    expect(flatOutputs.length).toBeGreaterThan(40);
    expect(crossFileOutputs.length).toBeGreaterThan(20);
  });

  describe.each([...flatOutputs, ...crossFileOutputs].map((pair) => [pair.label, pair] as const))('%s', (_label, pair) => {
    it('imports nothing it does not use (that the input used)', () => {
      const unusedBefore = unusedImports(pair.file, pair.input);
      expect(unusedImports(pair.file, pair.output).filter((local) => !unusedBefore.includes(local))).toEqual([]);
    });

    it('imports no module twice the same way', () => {
      expect(duplicateImports(pair.file, pair.output)).toEqual([]);
    });
  });

  describe.each([...flatOutputs, ...crossFileOutputs].map((pair) => [pair.label, pair] as const))('%s', (label, pair) => {
    it('keeps every comment of the input', () => {
      const allowed = DELETED_WITH_THEIR_CODE[label] ?? [];
      const kept = commentTexts(pair.file, pair.output);
      const lost = commentTexts(pair.file, pair.input).filter((text) => !takeOne(kept, text));
      expect(lost.filter((text) => !allowed.includes(text))).toEqual([]);
      // Nothing appears twice that the input had once, and the listed exceptions are real.
      expect(kept).toEqual([]);
      expect(allowed.filter((text) => !lost.includes(text))).toEqual([]);
    });
  });

  it('lists only exceptions of fixtures that exist', () => {
    const labels = new Set([...flatOutputs, ...crossFileOutputs].map((pair) => pair.label));
    expect(Object.keys(DELETED_WITH_THEIR_CODE).filter((label) => !labels.has(label))).toEqual([]);
  });
});

function commentTexts(file: string, text: string): string[] {
  return (parseSyntax(file, openSource(text).body).comments ?? []).map((comment) => comment.value.trim());
}

function takeOne(list: string[], text: string): boolean {
  const index = list.indexOf(text);
  if (index === -1) return false;
  list.splice(index, 1);
  return true;
}

/** Local names an import binds that nothing outside the imports refers to. */
function unusedImports(file: string, text: string): string[] {
  const j = jscodeshiftFor(file);
  const root = j(openSource(text).body);
  const locals: string[] = [];
  root.find(j.ImportDeclaration).forEach(({ node }) => {
    for (const specifier of node.specifiers ?? []) if (specifier.local) locals.push(String(specifier.local.name));
  });
  root.find(j.TSImportEqualsDeclaration).forEach(({ node }) => void locals.push(String(node.id.name)));
  return locals.filter((local) => references(j, root, local) === 0);
}

function references(j: ReturnType<typeof jscodeshiftFor>, root: Collection, name: string): number {
  return root
    .find(j.Identifier, { name })
    .filter((path) => !insideImport(path) && !isPropertyName(path))
    .size();
}

function insideImport(path: ASTPath): boolean {
  for (let current: ASTPath | null = path.parent; current; current = current.parent) {
    if (current.node.type === 'ImportDeclaration' || current.node.type === 'TSImportEqualsDeclaration') return true;
  }
  return false;
}

function isPropertyName(path: ASTPath): boolean {
  const parent = path.parent?.node as { type: string; property?: unknown; key?: unknown; computed?: boolean; shorthand?: boolean; right?: unknown };
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === path.node) return !parent.computed;
  if ((parent.type === 'ObjectProperty' || parent.type === 'ClassProperty' || parent.type === 'ClassMethod' || parent.type === 'TSPropertySignature') && parent.key === path.node)
    return !parent.computed && !parent.shorthand;
  return parent.type === 'TSQualifiedName' && parent.right === path.node;
}

/**
 * Modules imported by two declarations that could be one: both type-only (`import type`, or
 * every specifier `type`) or both not, neither a namespace import nor a bare side-effect import.
 */
function duplicateImports(file: string, text: string): string[] {
  const j = jscodeshiftFor(file);
  const seen = new Set<string>();
  const duplicates: string[] = [];
  j(openSource(text).body)
    .find(j.ImportDeclaration)
    .forEach(({ node, parent }) => {
      const specifiers = node.specifiers ?? [];
      if (specifiers.length === 0 || specifiers.some((specifier) => specifier.type === 'ImportNamespaceSpecifier')) return;
      const typeOnly = node.importKind === 'type' || specifiers.every((specifier) => (specifier as { importKind?: string }).importKind === 'type');
      // Each `declare module` block has imports of its own.
      const block = (parent as { node: { type: string; start?: number } }).node;
      const where = block.type === 'TSModuleBlock' ? ` in the block at ${block.start}` : '';
      const key = `${typeOnly ? 'import type' : 'import'} from '${String(node.source.value)}'${where}`;
      if (seen.has(key)) duplicates.push(key);
      seen.add(key);
    });
  return duplicates;
}

// The fixture folders hold no stray outputs this test would miss.
it('reads every output file there is', () => {
  const outputs = PHASE_IDS.flatMap((phase) => fs.readdirSync(path.join(FIXTURES_ROOT, phase)).filter((name) => name.includes('.output.')));
  expect(outputs.length).toBe(flatOutputs.length);
});
