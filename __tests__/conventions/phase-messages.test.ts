// Each phase says its findings in its own words, from its own catalogue (`meta.messages`): every
// messageId it reports is in its catalogue, every message there is reported by some fixture, and
// the fixtures' messages read as pinned below (a change of wording is a visible change here).
import { loadConfig } from '../../src/config/load-config';
import { runEngine } from '../../src/engine/run-engine';
import { PHASES } from '../../transforms/index';
import type { Finding, PhaseId } from '../../src/result/types';
import { copyCrossFileCase, crossFileCases, fixtureCases, readInput, transformFixture } from '../helpers/phase-fixtures';

/** Every finding the phase's fixtures give: single-file cases before and after the run, cross-file cases as scanned. */
function fixtureFindings(phase: PhaseId): Finding[] {
  const findings: Finding[] = [];
  for (const fixture of fixtureCases(phase)) {
    const result = transformFixture(phase, fixture.input, readInput(phase, fixture));
    findings.push(...(result?.findingsBefore ?? []), ...(result?.findingsAfter ?? []));
  }
  for (const name of crossFileCases(phase)) {
    const repoRoot = copyCrossFileCase(phase, name);
    const { config } = loadConfig(repoRoot);
    findings.push(...runEngine({ repoRoot, config, command: 'scan', phases: [phase] }).files.flatMap((file) => file.findingsBefore));
  }
  return findings;
}

/** One message each fixture gives per messageId: the catalogue read with real data. */
const PINNED: Record<PhaseId, Array<[messageId: string, text: string]>> = {
  imports: [
    ['legacyNames', 'WebSocketManager → UnifiedWebSocketManager from legacy module lib/websocket_manager.ts (import); now from lib/unified_manager.ts'],
    ['barrelPathUntargeted', 'module path through lib/index.ts (import)'],
    ['barrelNames', 'UnifiedWebSocketManager through lib/index.ts (import); now from lib/unified_manager.ts'],
    ['dualImport', 'imports both the canonical module and lib/index.ts'],
    ['barrelMock', 'mocked path through lib/index.ts (mock); now from lib/unified_manager.ts'],
    ['barrelMockUntargeted', 'mocked path through lib/index.ts (mock)'],
    ['legacyMockUntargeted', 'mocked path from legacy module lib/manager_alias.ts (mock)'],
    ['legacyMock', 'mocked path from legacy module lib/websocket_manager.ts (mock); now from lib/unified_manager.ts'],
    ['noCounterpart', '"getWebSocketManager" from lib/websocket_manager.ts stays'],
    ['legacyPathUntargeted', 'module path from legacy module lib/websocket_manager.ts (augmentation)'],
    ['legacyPath', 'module path from legacy module lib/websocket_manager.ts (import); now from lib/unified_manager.ts'],
    ['renamedNames', 'capitalise → capitalize, renamed within src/util/strings.ts (export)'],
  ],
  facades: [
    ['wrapperInlined', 'notifyUser(…) from facade lib/manager_functions.ts becomes manager.sendMessage(userId, message)'],
    ['legacyNames', 'getWebSocketManager → createWebSocketManager, WebSocketManager → UnifiedWebSocketManager from facade lib/websocket_manager.ts (import); now from lib/unified_manager.ts'],
    [
      'facade',
      'facade of src/core/unified_manager.ts (alias): alias at line 4: export const WebSocketManager = UnifiedWebSocketManager; alias at line 5: export type WebSocketManager = UnifiedWebSocketManager',
    ],
    ['legacyPathUntargeted', 'module path from facade src/core/manager_alias.ts (augmentation)'],
    ['wrapperNotInlinable', 'notifyUser from facade src/core/notify.ts cannot be inlined here'],
    ['noCounterpart', '"notifyUser" from src/core/notify.ts stays'],
    ['legacyPath', 'module path from facade src/core/manager_alias.ts (import); now from src/core/unified_manager.ts'],
    ['barrelPathUntargeted', 'module path through src/public_api.ts (import)'],
    ['unusedWrapperImport', 'unused notifyUser from facade src/core/notify.ts'],
    ['legacyMockUntargeted', 'mocked path from facade src/core/manager_alias.ts (mock)'],
    ['barrelNames', 'WebSocketManager → UnifiedWebSocketManager through src/public_api.ts (import); now from src/core/unified_manager.ts'],
    ['barrelMock', 'mocked path through src/public_api.ts (mock); now from src/core/unified_manager.ts'],
    ['barrelMockUntargeted', 'mocked path through src/public_api.ts (mock)'],
    ['legacyMock', 'mocked path from facade src/core/manager_alias.ts (mock); now from src/core/unified_manager.ts'],
    ['realModule', 'src/core/manager.ts competes with the canonical module src/core/unified_manager.ts'],
    ['barrel', "barrel (re-export): re-export at line 1: export * from './point'; re-export at line 2: export * from './rect'"],
    ['notBarrel', 'src/helpers.ts is declared a facade but is no barrel'],
  ],
  signatures: [
    ['templateMatch', "ping('alice', 'a', 'b') matches signatures.templates[4] \"notify_user($user, $$$rest)\" → \"notify($user, { channel: 'ws' }, $$$rest)\""],
    ['wrongAritySingular', "manager.sendMessage('user-1') passes 1 argument; canonical ManagerProtocol.sendMessage(userId: string, message: string, options: { critical: boolean; }): Promise<void>"],
    ['wrongArity', "manager.addConnection(socket, ctx, 'extra') passes 3 arguments; canonical ManagerProtocol.addConnection(options: ConnectionOptions): void"],
    [
      'interfaceMismatch',
      'HalfManager.sendMessage(_userId: string, _message: string): Promise<number> vs canonical ManagerProtocol.sendMessage(userId: string, message: string, options: { critical: boolean; }): Promise<void>',
    ],
    ['interfaceMissing', 'HalfManager has no close: canonical ManagerProtocol.close(reason?: string | undefined): void'],
    ['ambiguousReceiver', "manager.add_connection(socket, 'alice') has the shape of signatures.templates[0] \"$m.add_connection($socket, $user)\", but the receiver's type is any"],
  ],
  factories: [
    ['rewire', 'getManager(this.ctx.userId, this.ctx.threadId) → createManager(this.ctx)'],
    ['contextUnclear', 'Manager.getInstance()'],
    ['atModuleLevel', "getManager('system')"],
    ['sharedInstance', '`sharedManager` holds one Manager (new Manager()) for every caller'],
    ['registryUnkeyed', 'registry `managers` of Manager instances with no key visible in its file: missing userId, threadId of the isolation key [userId, threadId]'],
    ['registryKeyed', 'registry `managersByUser` of Manager instances keyed by `ctx.userId`: missing threadId of the isolation key [userId, threadId]'],
    ['subclassConstruction', 'new CompatManager(context)'],
  ],
};

describe.each(PHASES.map((entry) => [entry.id, entry] as const))('phase %s', (id, entry) => {
  let findings: Finding[];
  beforeAll(() => {
    findings = fixtureFindings(id);
  });

  it('reports only messageIds of its own catalogue, with the text rendered from it', () => {
    const messages = entry.phase.meta.messages as Record<string, string>;
    const unknown = findings.filter((finding) => !Object.hasOwn(messages, finding.messageId)).map((finding) => finding.messageId);
    expect(unknown).toEqual([]);
    expect(findings.every((finding) => finding.phase === id)).toBe(true);
  });

  it('reports every message of its catalogue in some fixture', () => {
    const reported = new Set(findings.map((finding) => finding.messageId));
    expect(Object.keys(entry.phase.meta.messages).filter((messageId) => !reported.has(messageId))).toEqual([]);
  });

  it('renders its fixtures messages as pinned, one per messageId', () => {
    const pinned = PINNED[id] ?? [];
    expect(pinned.map(([messageId]) => messageId).sort()).toEqual(Object.keys(entry.phase.meta.messages).sort());
    for (const [messageId, text] of pinned) {
      expect([messageId, findings.filter((finding) => finding.messageId === messageId).map((finding) => finding.message)]).toEqual([messageId, expect.arrayContaining([text])]);
    }
  });
});
