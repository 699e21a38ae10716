export interface Response {
  write(chunkOrStatus: unknown): void;
  status(code: number): Response;
  end(): void;
  send(body: unknown): void;
}

export type Handler = (request: unknown) => void;

export interface Router {
  remove(pathOrHandler: string | RegExp | Handler, handler?: Handler): void;
  off(handler: Handler, options?: { path: string | RegExp }): void;
}

export interface Client {
  connect(target: string | { url: string }): void;
}
