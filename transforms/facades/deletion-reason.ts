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

/** At most this many names per module in a barrel's reason; the rest are counted. */
const NAMES_SHOWN = 4;
/** At most this many modules in a barrel's reason. */
const MODULES_SHOWN = 3;

/** canonical: the canonical module's key, where every facade's names finally lead. */
export function deletionReason(facade: FacadeDetail, canonical: string): DeletionReason {
  const kinds = facade.kinds.map((kind) => KIND_WORDS[kind]).join(' and ');
  const first = facade.evidence[0];
  const evidence = first ? { line: first.line, evidence: first.text } : {};
  if (facade.barrel) return { reason: `barrel, ${kinds} of ${barrelSources(facade)}`, ...evidence };
  const names = new Set<string>();
  for (const role of facade.roles.values()) if (role.kind === 'forward' && role.target.key === canonical && role.name !== 'default') names.add(role.name);
  const what = names.size > 0 ? `${[...names].sort().join(', ')} from ${canonical}` : canonical;
  return { reason: `${kinds} of ${what}`, ...evidence };
}

/** "a, b from src/x.ts; c from src/y.ts": what a barrel hands on, by the module it names. */
function barrelSources(facade: FacadeDetail): string {
  const byModule = new Map<string, string[]>();
  for (const role of facade.roles.values()) {
    if (role.kind === 'forward') byModule.set(role.target.key, [...(byModule.get(role.target.key) ?? []), role.name]);
  }
  const unlisted = facade.barrel?.handsOnUnlisted;
  if (unlisted && !byModule.has(unlisted.key)) byModule.set(unlisted.key, []);
  if (byModule.size === 0) return 'nothing: an empty module';
  const modules = [...byModule].sort(([a], [b]) => a.localeCompare(b));
  const shown = modules.length > MODULES_SHOWN + 1 ? modules.slice(0, MODULES_SHOWN) : modules;
  const parts = shown.map(([module, names]) => {
    const sorted = [...new Set(names)].sort();
    if (sorted.length === 0) return `everything from ${module}`;
    const listed = sorted.slice(0, NAMES_SHOWN).join(', ');
    return `${listed}${sorted.length > NAMES_SHOWN ? ` and ${sorted.length - NAMES_SHOWN} more` : ''} from ${module}`;
  });
  if (shown.length < modules.length) parts.push(`and names from ${modules.length - shown.length} more modules`);
  return parts.join('; ');
}
