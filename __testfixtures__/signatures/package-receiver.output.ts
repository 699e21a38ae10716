import type { Reply } from 'http-kit';

interface Console {
  sendText(code: number, body: string): void;
}

export function handle(reply: Reply, console: Console): void {
  reply.send({ status: 200, body: 'ok' });
  // Not a Reply: the same method name on another type stays.
  console.sendText(200, 'logged');
}
