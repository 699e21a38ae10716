export { createWebSocketManager as createManager } from './unified_manager';
