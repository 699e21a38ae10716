// What `init` prints: the modules found with their evidence (file:line, kind, the line itself),
// or the candidate clusters and how to continue. Plain text, deterministic, no colour.
import type { CandidateSearch } from './candidates.js';
import type { Discovery, DiscoveredModule } from './discover-legacy.js';

export function renderDiscovery(discovery: Discovery): string {
  const out: string[] = [];
  const legacy = discovery.modules.filter((module) => module.relation === 'legacy');
  const facades = legacy.filter((module) => module.role === 'facade');
  const aside = discovery.modules.filter((module) => module.relation !== 'legacy');
  out.push(`canonical module: ${discovery.canonical}`);
  out.push(
    `${legacy.length} other module${legacy.length === 1 ? '' : 's'}: ${facades.length} facade${facades.length === 1 ? '' : 's'} (phase 2 removes them), ${legacy.length - facades.length} with logic of their own (migrate by hand)`,
  );
  for (const module of legacy) {
    out.push('', `${module.file}  ${module.role}: ${module.kinds.join(', ')}`);
    for (const item of module.evidence) out.push(`  ${module.file}:${item.line}  ${item.kind}  ${item.text}`);
    const handed = handedOn(module);
    if (module.role === 'real' && handed) out.push(`  hands on: ${handed}`);
  }
  if (aside.length > 0) {
    out.push('', 'also touching it, left out of the config:');
    for (const module of aside) out.push(`  ${module.file}  ${module.relation === 'test-helper' ? 'test helper' : (module.evidence[0]?.text ?? 'uses it')}`);
  }
  return `${out.join('\n')}\n`;
}

/** `WebSocketManager → UnifiedWebSocketManager, AGENT_EVENT_TYPES` for a real module's identities. */
function handedOn(module: DiscoveredModule): string {
  return [...module.canonicalNames]
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, canonical]) => (name === canonical ? name : `${name} → ${canonical}`))
    .join(', ');
}

export function renderCandidates(search: CandidateSearch, command: string): string {
  const { clusters, found, inTests } = search;
  const testsNote = inTests > 0 ? `${inTests} cluster${inTests === 1 ? '' : 's'} of test files alone (fixtures each test declares) ${inTests === 1 ? 'is' : 'are'} not listed.\n` : '';
  if (clusters.length === 0) {
    return `no duplicates found (no name declared twice with the same parameters or a near-identical body): nothing suggests a canonical module.\n${testsNote}name it yourself: ${command} --canonical <module>\n`;
  }
  const more = found > clusters.length ? ` (the first ${clusters.length} of ${found})` : '';
  const out: string[] = [`candidate clusters (duplicated declarations), most imported first${more}:`];
  clusters.forEach((cluster, index) => {
    const what = cluster.kind === 'family' ? cluster.evidence : `${cluster.members.length} modules declare ${cluster.label}: ${cluster.evidence}`;
    out.push('', `${index + 1}. ${cluster.label}: ${what}`);
    const width = Math.max(...cluster.members.map((member) => member.file.length));
    cluster.members.forEach((member, position) => {
      const importers = `  (imported by ${member.importers} file${member.importers === 1 ? '' : 's'})`;
      out.push(`   ${position === 0 ? '*' : ' '} ${member.file.padEnd(width)}  ${member.names.join(', ')}${importers}`);
    });
  });
  const best = clusters[0]!.members[0]!.file;
  out.push(
    '',
    '* the suggested canonical module of each cluster: the one the repo imports most.',
    `next: ${command} --canonical ${best}`,
    'nothing was written: init writes ssot.config.json once the canonical module is named.',
  );
  return `${out.join('\n')}\n${testsNote}`;
}
