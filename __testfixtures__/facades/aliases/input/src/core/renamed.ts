export { UnifiedWebSocketManager as LegacyManager, createWebSocketManager as makeManager } from './unified_manager';
