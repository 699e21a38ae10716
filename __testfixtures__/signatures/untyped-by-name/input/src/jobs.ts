import { Queue } from './queue';

declare function legacyQueue(): any;

export function schedule(queue: Queue, loose: any): void {
  queue.enqueue('typed', 10);
  // `any` receivers: rewritten by the method name, each one counted as untyped-receiver.
  loose.enqueue('untyped', 20);
  legacyQueue().enqueue('from a JavaScript helper', 30);
}
