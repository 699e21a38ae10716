import type { Client, Handler, Response, Router } from './http';

export function reply(response: Response, body: string, code: 404 | 410, loose: any): void {
  response.status(404).end();
  response.status(code).end();
  response.send(body);
  response.write(loose);
}

export function unroute(router: Router, handler: Handler, pattern: RegExp): void {
  router.off(handler, { path: '/users' });
  router.off(handler, { path: pattern });
  router.off(handler);
}

export function dial(client: Client, address: string): void {
  client.connect({ url: address });
  client.connect({ url: address });
}
