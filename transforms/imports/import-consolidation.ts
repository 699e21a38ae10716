// Phase 1, imports: every reference to a legacy module path is pointed at the canonical module
// (or wherever its names moved), with exported names renamed per the config and imports of the
// canonical module merged. A move within one module is a rename where the import stands, and an
// unaliased local name follows it; a name that moves elsewhere keeps its local name. Detection and rewriting share the module rewiring's plan, so what `scan` counts
// is what `run` fixes.
import { definePhase } from '../../src/phase-api/define-phase.js';
import { CanonicalMap } from '../shared/canonical-map.js';
import { findHeldMocks } from '../shared/held-mocks.js';
import { findMentions } from '../shared/mentions.js';
import { dualImportFinding, planModuleReferences, referenceFindings, rewireModuleReferences, type RewiringMessageId } from '../shared/module-rewiring.js';
import type { ImportsState } from '../shared/reference-plan.js';
import { namesModuleOf } from '../shared/specifier-prefilter.js';
import { containsAnyTerm } from '../../src/shared/term-search.js';
import { unmatchedEntries } from './unmatched-entries.js';

/** The rewiring's state, and the files its held mocks were read from (see held-mocks.ts). */
type ImportsPhaseState = ImportsState & { mockSources: readonly string[] };

export default definePhase<ImportsPhaseState, RewiringMessageId>({
  meta: {
    id: 'imports',
    title: 'import consolidation',
    description: 'Points every reference to a legacy module path at the canonical module (or where its names moved), renames exports renamed within a module, and merges duplicate imports.',
    messages: {
      legacyNames: '{{names}} from legacy module {{module}} ({{reference}}); now from {{target}}',
      renamedNames: '{{names}}, renamed within {{module}} ({{reference}})',
      legacyPath: 'module path from legacy module {{module}} ({{reference}}); now from {{target}}',
      legacyPathUntargeted: 'module path from legacy module {{module}} ({{reference}})',
      legacyMock: 'mocked path from legacy module {{module}} ({{reference}}); now from {{target}}',
      legacyMockUntargeted: 'mocked path from legacy module {{module}} ({{reference}})',
      barrelNames: '{{names}} through {{module}} ({{reference}}); now from {{target}}',
      barrelPathUntargeted: 'module path through {{module}} ({{reference}})',
      barrelMock: 'mocked path through {{module}} ({{reference}}); now from {{target}}',
      barrelMockUntargeted: 'mocked path through {{module}} ({{reference}})',
      noCounterpart: '"{{name}}" from {{module}} stays',
      dualImport: 'imports both the canonical module and {{modules}}',
    },
  },
  editModel: 'text',

  prepare(project) {
    const map = new CanonicalMap(project);
    const state: ImportsState = { map, project, terms: map.prefilterTerms(), legacyTerms: map.legacyTerms() };
    const { heldMockOf, sources } = findHeldMocks(project, state, planModuleReferences);
    return { ...state, heldMockOf, mockSources: sources };
  },

  mayMatter(text, state, file) {
    // A file that names a legacy module in a comment or string has mentions to list.
    return containsAnyTerm(text, state.legacyTerms) || namesModuleOf(text, file, state.terms, state.project, (key) => state.map.concerns(key));
  },

  stateSources: (state) => [...new Set([...state.map.sources(), ...state.mockSources])].sort(),

  notices: (state) => unmatchedEntries(state.map, state.project),

  detect(file, state) {
    const planned = planModuleReferences(file, state);
    // Configured legacy modules are facades themselves (phase 2 counts them), not consumers.
    // A barrel that re-exports both is a dual import like any other file.
    const role = state.map.roleOf(file.file);
    const isFacade = role === 'legacy' || role === 'moves';
    const dual = isFacade ? undefined : dualImportFinding(file.file, planned);
    const findings = [...referenceFindings(file.file, planned), ...(dual ? [dual] : [])].map((finding) => ({ ...finding, phase: 'imports' as const }));
    return { findings, mentions: findMentions(file, state.legacyTerms, 'imports', planned.codeLiterals) };
  },

  apply(file, state) {
    return rewireModuleReferences(file, state);
  },
});
