import type { Client, Handler, Response, Router } from './http';

export function reply(response: Response, body: string, code: 404 | 410, loose: any): void {
  response.write(404);
  response.write(code);
  response.write(body);
  response.write(loose);
}

export function unroute(router: Router, handler: Handler, pattern: RegExp): void {
  router.remove('/users', handler);
  router.remove(pattern, handler);
  router.remove(handler);
}

export function dial(client: Client, address: string): void {
  client.connect(address);
  client.connect({ url: address });
}
