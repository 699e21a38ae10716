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

export interface CacheOptions {
  key: string;
  retry?: number;
  ttl?: number;
}

export interface Cache {
  fetch(key: string, options?: { retry?: number; ttl?: number }): Promise<string>;
  get(options: CacheOptions): Promise<string>;
  label(name: string, value: string): void;
  tag(tags: Record<string, string>): void;
}
