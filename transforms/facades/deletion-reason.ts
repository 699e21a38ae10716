// Why phase 2 deletes a facade, in words a reviewer reads at a glance: what kind of facade it is
// and what it hands on ("re-export of UnifiedWebSocketManager from src/core/manager.ts"), with
// the first line of its evidence.
import type { DeletionReason } from '../../src/result/types.js';
import type { FacadeDetail, FacadeKind } from './facade-detection.js';

const KIND_WORDS: Record<FacadeKind, string> = {
  're-export': 're-export',
  alias: 'alias',
  'empty-subclass': 'empty subclass',
  'delegating-wrapper': 'delegating wrapper',
  'deprecated-shim': 'deprecated shim',
  'default-flip': 'default-export flip',
};

/** canonical: the canonical module's key, where every facade's names finally lead. */
export function deletionReason(facade: FacadeDetail, canonical: string): DeletionReason {
  const kinds = facade.kinds.map((kind) => KIND_WORDS[kind]).join(' and ');
  const names = new Set<string>();
  for (const role of facade.roles.values()) if (role.kind === 'forward' && role.target.key === canonical && role.name !== 'default') names.add(role.name);
  const what = names.size > 0 ? `${[...names].sort().join(', ')} from ${canonical}` : canonical;
  const first = facade.evidence[0];
  return { reason: `${kinds} of ${what}`, ...(first ? { line: first.line, evidence: first.text } : {}) };
}
