import { openManager } from './manager';

export function shutdown(): void {
  openManager().close('maintenance');
}
