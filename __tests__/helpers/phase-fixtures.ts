// Fixture pairs, read literally: `<case>.input.<ext>` must become `<case>.output.<ext>` byte
// for byte (no output file: must not change), and a second run must change nothing.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/load-config';
import { createProject } from '../../src/engine/project';
import { preparePhases, processText, type PreparedPhase } from '../../src/engine/run-engine';
import type { FileResult, PhaseId } from '../../src/result/types';

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

const prepared = new Map<PhaseId, PreparedPhase[]>();

/** The phase prepared once on the fixture folder, which holds its own config and modules. */
export function fixturePhase(phase: PhaseId): PreparedPhase[] {
  let phases = prepared.get(phase);
  if (!phases) {
    const repoRoot = path.join(FIXTURES_ROOT, phase);
    const { config } = loadConfig(repoRoot);
    phases = preparePhases(createProject({ repoRoot, config }), [phase]);
    prepared.set(phase, phases);
  }
  return phases;
}

export function transformFixture(phase: PhaseId, file: string, text: string): FileResult | undefined {
  return processText(file, text, fixturePhase(phase), 'run').file;
}

export function readInput(phase: PhaseId, fixture: FixtureCase): string {
  return fs.readFileSync(path.join(FIXTURES_ROOT, phase, fixture.input), 'utf8');
}
