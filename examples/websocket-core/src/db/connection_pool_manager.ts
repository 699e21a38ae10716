// Database connection pool. Its addConnection takes a DSN; it has nothing to do with sockets.

export interface PooledConnection {
  id: number;
  dsn: string;
  inUse: boolean;
}

export class ConnectionPoolManager {
  private readonly pool: PooledConnection[] = [];
  private nextId = 1;

  constructor(private readonly maxSize = 10) {}

  addConnection(dsn: string): PooledConnection {
    if (this.pool.length >= this.maxSize) throw new Error(`pool is full (${this.maxSize})`);
    const conn = { id: this.nextId++, dsn, inUse: false };
    this.pool.push(conn);
    return conn;
  }

  acquire(): PooledConnection {
    const free = this.pool.find((c) => !c.inUse);
    if (!free) throw new Error('no free database connection');
    free.inUse = true;
    return free;
  }

  release(conn: PooledConnection): void {
    conn.inUse = false;
  }

  stats(): { size: number; busy: number } {
    return { size: this.pool.length, busy: this.pool.filter((c) => c.inUse).length };
  }
}
