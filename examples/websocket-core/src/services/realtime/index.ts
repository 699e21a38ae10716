// Entry point for the realtime package used by the admin console.
export * from '../../websocket_core/ws_manager_exports';
export { WebSocketManager as RealtimeManager } from '../../websocket_core/websocket_manager';
export { PresenceTracker } from '../presence/presence_tracker';
