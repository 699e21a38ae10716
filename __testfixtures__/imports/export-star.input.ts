// Re-exports everything the facade offers.
export * from './lib/websocket_manager';
