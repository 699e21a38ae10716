import type { UserExecutionContext } from '../../src/context/user_execution_context';
import { ToolExecutionNotifier } from '../../src/tools/tool_execution_notifier';
import { UnifiedWebSocketManager } from '../../src/websocket_core/unified_manager';
import { FakeSocket } from '../helpers/fake_socket';
import { contextFor } from '../helpers/test_context';

describe('ToolExecutionNotifier', () => {
  afterEach(() => {
    jest.dontMock('../../src/websocket_core/manager_alias');
    jest.resetModules();
  });

  test('reports start, clamped progress and completion', async () => {
    const ctx = contextFor('alice', 'thread-1');
    const manager = new UnifiedWebSocketManager(ctx);
    const socket = new FakeSocket();
    manager.addConnection({ connectionId: 'c1', userId: 'alice', socket });
    const notifier = new ToolExecutionNotifier(manager, ctx);

    await notifier.started('python', 'run-1');
    await notifier.progress('python', 'run-1', 140);
    await notifier.finished('python', 'run-1', true);

    expect(socket.types()).toEqual(['tool_executing', 'tool_progress', 'tool_completed']);
    expect(socket.frames()[1].payload).toEqual({ toolName: 'python', runId: 'run-1', percent: 100 });
  });

  test('forContext constructs its manager through the alias module', () => {
    const seen: UserExecutionContext[] = [];
    jest.doMock('../../src/websocket_core/manager_alias', () => {
      const actual = jest.requireActual('../../src/websocket_core/manager_alias');
      // Wrap every exported class, and every `create…` factory, so construction can be observed
      // (the factories phase turns `new Manager(ctx)` into `createWebSocketManager(ctx)`).
      const isClass = (v: unknown): v is new (ctx: UserExecutionContext) => object =>
        typeof v === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(v));
      const isFactory = (name: string, v: unknown): v is (ctx: UserExecutionContext) => object =>
        typeof v === 'function' && /^create[A-Z]/.test(name) && !isClass(v);
      const wrapped: Record<string, unknown> = { __esModule: true };
      for (const [name, value] of Object.entries(actual)) {
        wrapped[name] = isClass(value)
          ? class extends value {
              constructor(ctx: UserExecutionContext) {
                super(ctx);
                seen.push(ctx);
              }
            }
          : isFactory(name, value)
            ? (ctx: UserExecutionContext) => {
                seen.push(ctx);
                return value(ctx);
              }
            : value;
      }
      return wrapped;
    });
    const isolated = require('../../src/tools/tool_execution_notifier');
    const ctx = contextFor('bob');
    isolated.ToolExecutionNotifier.forContext(ctx);
    expect(seen).toEqual([ctx]);
  });
});
