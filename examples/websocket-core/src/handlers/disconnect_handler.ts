import { createLogger } from '../utils/logger';
import { WebSocketConnectionManager } from '../websocket_core/manager_alias';

const log = createLogger('handlers.disconnect');

export interface DisconnectEvent {
  connectionId: string;
  userId: string;
  code: number;
}

/** Forgets a closed socket; tells the user's other tabs when the last one goes. */
export async function handleDisconnect(manager: WebSocketConnectionManager, event: DisconnectEvent): Promise<boolean> {
  const removed = manager.removeConnection(event.connectionId);
  if (!removed) return false;
  log.info('socket closed', { ...event });
  if (!manager.isUserConnected(event.userId)) {
    log.debug('user has no sockets left', { userId: event.userId });
  } else {
    await manager.sendMessage(event.userId, { type: 'peer_disconnected', payload: { connectionId: event.connectionId } });
  }
  return true;
}
