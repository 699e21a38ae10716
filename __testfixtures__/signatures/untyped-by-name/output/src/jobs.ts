import { Queue } from './queue';

declare function legacyQueue(): any;

export function schedule(queue: Queue, loose: any): void {
  queue.add('typed', { delay: 10 });
  // `any` receivers: rewritten by the method name, each one counted as untyped-receiver.
  loose.add('untyped', { delay: 20 });
  legacyQueue().add('from a JavaScript helper', { delay: 30 });
}
