export class DbPoolManager {
  addConnection(_dsn: string): void {}
}
