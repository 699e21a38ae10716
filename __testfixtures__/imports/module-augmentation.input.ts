// Augmenting a legacy module: after the move it would augment the wrong module.
declare module './lib/websocket_manager' {
  interface WebSocketManagerInterface {
    tag?: string;
  }
}
export {};
