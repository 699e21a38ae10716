export interface Socket {
  send(data: string): void;
}

export interface ConnectionOptions {
  connectionId?: string;
  socket: Socket;
  userId: string;
}

export interface ManagerProtocol {
  addConnection(options: ConnectionOptions): void;
  sendMessage(userId: string, message: string, options: { critical: boolean }): Promise<void>;
  close(reason?: string): void;
}

export class Manager implements ManagerProtocol {
  addConnection(_options: ConnectionOptions): void {}
  /** @deprecated the old shape */
  add_connection(_socket: Socket, _userId: string): void {}
  async sendMessage(_userId: string, _message: string, _options: { critical: boolean }): Promise<void> {}
  /** @deprecated */
  async send(_message: string, _userId: string): Promise<void> {}
  close(_reason?: string, _force?: boolean): void {}
}

/** What callers typed managers as before the protocol: any arguments go. */
export type LooseManager = {
  addConnection(...args: any[]): void;
  [member: string]: any;
};

export function openManager(): Manager {
  return new Manager();
}
