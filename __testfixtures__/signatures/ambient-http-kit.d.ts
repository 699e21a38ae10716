// A package the repo only declares (no node_modules here): its types come from this file alone.
declare module 'http-kit' {
  export interface Reply {
    sendText(code: number, body: string): void;
    send(response: { status: number; body: string }): void;
  }
}
