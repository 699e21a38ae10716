// Fixture pairs, read literally: `<case>.input.<ext>` must become `<case>.output.<ext>` byte
// for byte (no output file: must not change), and a second run must change nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/load-config';
import { createProject } from '../../src/engine/project';
import { preparePhases, processText, runEngine, type PreparedPhase } from '../../src/engine/run-engine';
import { writeResults } from '../../src/engine/write-files';
import type { FileResult, PhaseId } from '../../src/result/types';
import type { ProjectServices } from '../../src/phase-api/define-phase';
import { isTextPhase } from '../../src/phase-api/text-phase';

export const FIXTURES_ROOT = path.join(__dirname, '..', '..', '__testfixtures__');

export interface FixtureCase {
  name: string;
  /** Repo-relative path of the input inside the fixture folder. */
  input: string;
  expected: string | undefined;
}

export function fixtureCases(phase: PhaseId): FixtureCase[] {
  const folder = path.join(FIXTURES_ROOT, phase);
  return fs
    .readdirSync(folder)
    .filter((name) => /\.input\.[cm]?[jt]sx?$/.test(name))
    .sort()
    .map((input) => {
      const output = path.join(folder, input.replace('.input.', '.output.'));
      return { name: input.replace(/\.input\.[cm]?[jt]sx?$/, ''), input, expected: fs.existsSync(output) ? fs.readFileSync(output, 'utf8') : undefined };
    });
}

const prepared = new Map<PhaseId, { project: ProjectServices; phases: PreparedPhase[] }>();

function preparedFixture(phase: PhaseId): { project: ProjectServices; phases: PreparedPhase[] } {
  let entry = prepared.get(phase);
  if (!entry) {
    const repoRoot = path.join(FIXTURES_ROOT, phase);
    const { config } = loadConfig(repoRoot);
    const project = createProject({ repoRoot, config });
    entry = { project, phases: preparePhases(project, [phase]) };
    prepared.set(phase, entry);
  }
  return entry;
}

/**
 * One fixture file through the phase as a run would take it. A type-aware phase first analyses
 * the text given (held in memory in place of the file), so a second run sees the output.
 */
export function transformFixture(phase: PhaseId, file: string, text: string): FileResult | undefined {
  const { project, phases } = preparedFixture(phase);
  for (const { phase: definition, state } of phases) {
    if (isTextPhase(definition) || !definition.analyse) continue;
    project.types().setText(file, text);
    definition.analyse([file], state, project);
  }
  return processText(file, text, phases, 'run').file;
}

export function readInput(phase: PhaseId, fixture: FixtureCase): string {
  return fs.readFileSync(path.join(FIXTURES_ROOT, phase, fixture.input), 'utf8');
}

/** Cross-file cases: `<case>/input/**` is a small repo with its own config; `<case>/output/**` is the tree after --write. */
export function crossFileCases(phase: PhaseId): string[] {
  const folder = path.join(FIXTURES_ROOT, phase);
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(folder, entry.name, 'input')))
    .map((entry) => entry.name)
    .sort();
}

/** Copies a case's input to a temporary repo, runs the phase with --write semantics, returns the repo. */
function runCrossFileCase(phase: PhaseId, name: string): { repoRoot: string; changed: string[] } {
  const repoRoot = copyCrossFileCase(phase, name);
  return { repoRoot, changed: applyPhase(phase, repoRoot) };
}

/**
 * A case's input copied to a temporary repo, with the packages of its `package/` folder (if any)
 * installed in node_modules, which a fixture cannot hold.
 */
export function copyCrossFileCase(phase: PhaseId, name: string): string {
  const repoRoot = fs.mkdtempSync(path.join(os.tmpdir(), `ssot-${phase}-${name}-`));
  fs.cpSync(path.join(FIXTURES_ROOT, phase, name, 'input'), repoRoot, { recursive: true });
  const packages = path.join(FIXTURES_ROOT, phase, name, 'package');
  if (fs.existsSync(packages)) fs.cpSync(packages, path.join(repoRoot, 'node_modules'), { recursive: true });
  return repoRoot;
}

/** Runs one phase on a repo as `run <phase> --write --no-verify` would; returns the files it changed or deleted. */
/** Runs one phase and writes its result, journaled as `run --write` journals it (later phases read the journal). */
export function applyPhase(phase: PhaseId, repoRoot: string): string[] {
  const { config } = loadConfig(repoRoot);
  const result = runEngine({ repoRoot, config, command: 'run', phases: [phase] });
  writeResults(repoRoot, result.files, { journal: { phase, now: new Date() } });
  return result.files.filter((file) => file.status === 'changed' || file.status === 'deleted').map((file) => file.file);
}

export function treeOf(root: string): Map<string, string> {
  const tree = new Map<string, string>();
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      // The tool's own folder (the undo journal outside git) is not part of the tree.
      if (child === '.ssot') continue;
      if (entry.isDirectory()) walk(child);
      else tree.set(child, fs.readFileSync(path.join(root, child), 'utf8'));
    }
  };
  walk('');
  return tree;
}

/**
 * What every cross-file case of a phase must show: the tree of `output/` (a file missing there
 * is deleted), nothing changed by a second run, nothing fixable left for `scan`.
 */
export function describeCrossFileCases(phase: PhaseId): void {
  describe.each(crossFileCases(phase).map((name) => [name] as const))(`${phase} cross-file case %s`, (name) => {
    let repoRoot: string;
    beforeAll(() => {
      repoRoot = runCrossFileCase(phase, name).repoRoot;
    });
    const expected = treeOf(path.join(FIXTURES_ROOT, phase, name, 'output'));

    it('gives the expected tree', () => {
      const actual = treeOf(repoRoot);
      // The case's packages (its `package/` folder) are installed, not part of the tree.
      expect([...actual.keys()].filter((file) => !file.startsWith('node_modules/')).sort()).toEqual([...expected.keys()].sort());
      for (const [file, text] of expected) expect(`${file}:\n${actual.get(file)}`).toBe(`${file}:\n${text}`);
    });

    it('changes nothing on a second run', () => {
      expect(applyPhase(phase, repoRoot)).toEqual([]);
    });

    it('leaves no fixable finding for scan', () => {
      const { config } = loadConfig(repoRoot);
      const findings = runEngine({ repoRoot, config, command: 'scan', phases: [phase] }).files.flatMap((file) => file.findingsBefore);
      expect(findings.filter((finding) => finding.fixable)).toEqual([]);
    });
  });
}
