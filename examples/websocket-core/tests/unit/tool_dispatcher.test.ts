import { getWebSocketManager } from '../../src/websocket_core/compat/websocket_manager_compat';
import { ToolDispatcher } from '../../src/tools/tool_dispatcher';
import { ToolRegistry } from '../../src/tools/tool_registry';
import { SearchTool } from '../../src/tools/search_tool';
import { contextFor } from '../helpers/test_context';

// The dispatcher must use the lookup it was given, never the compat registry.
jest.mock('../../src/websocket_core/compat/websocket_manager_compat', () => ({
  getWebSocketManager: jest.fn(),
}));

describe('ToolDispatcher', () => {
  const emitAgentEvent = jest.fn().mockResolvedValue(undefined);
  const lookups: string[] = [];
  const managerFor = (ctx: { userId: string; threadId: string }) => {
    lookups.push(`${ctx.userId}/${ctx.threadId}`);
    return { emitAgentEvent } as never;
  };

  beforeEach(() => {
    emitAgentEvent.mockClear();
    lookups.length = 0;
  });

  afterEach(() => {
    expect(getWebSocketManager).not.toHaveBeenCalled();
  });

  const registry = new ToolRegistry().register(
    new SearchTool({ query: async (text) => [{ title: `about ${text}`, url: 'https://example.test/1' }] }),
  );

  test('wraps a tool run in tool_executing / tool_completed for the right user', async () => {
    const ctx = contextFor('alice', 'thread-3');
    const result = await new ToolDispatcher(registry, managerFor).dispatch(ctx, 'search', { query: 'sockets' }, 'run-1', 'researcher');
    expect(result).toMatchObject({ count: 1 });
    expect(lookups).toEqual(['alice/thread-3']);
    expect(emitAgentEvent.mock.calls.map(([userId, type]) => [userId, type])).toEqual([
      ['alice', 'tool_executing'],
      ['alice', 'tool_completed'],
    ]);
  });

  test('a failing tool still completes, with ok=false', async () => {
    const failing = new ToolRegistry().register({
      name: 'boom',
      description: 'always fails',
      run: async () => {
        throw new Error('kaput');
      },
    });
    const result = await new ToolDispatcher(failing, managerFor).dispatch(contextFor('bob'), 'boom', {}, 'run-2', 'agent');
    expect(result).toEqual({ error: 'kaput' });
    expect(emitAgentEvent).toHaveBeenLastCalledWith('bob', 'tool_completed', expect.objectContaining({ ok: false }));
  });
});
