/** A database pool: same method name, nothing to do with sockets. */
export class Pool {
  add_connection(_dsn: string, _size: number): void {}
  addConnection(_dsn: string): void {}
}
