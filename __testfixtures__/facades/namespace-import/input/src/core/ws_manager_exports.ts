export { UnifiedWebSocketManager as WebSocketManager, createWebSocketManager as makeManager } from './unified_manager';
