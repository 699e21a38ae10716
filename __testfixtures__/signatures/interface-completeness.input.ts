import type { ConnectionOptions } from './manager';

/** Grew next to the canonical manager: no close, and sendMessage reports a count. */
export class HalfManager {
  addConnection(_options: ConnectionOptions): void {}
  async sendMessage(_userId: string, _message: string): Promise<number> {
    return 0;
  }
}
