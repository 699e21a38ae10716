// A starting config must load like any other: valid against the schema, and every module and
// rename in it true of the repo. Checked before anything is written, so `init` never leaves a
// config that `scan` refuses.
import { parseConfig } from '../config/load-config.js';
import { createProject } from '../engine/project.js';
import { CanonicalMap } from '../../transforms/shared/canonical-map.js';

export function checkStartingConfig(repoRoot: string, text: string, file: string): void {
  const config = parseConfig(text, file);
  new CanonicalMap(createProject({ repoRoot, config }));
}
