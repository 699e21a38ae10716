import { Pool } from './pool';

export function grow(pool: Pool): void {
  pool.add_connection('postgres://db', 4);
  pool.addConnection('postgres://db', 'extra');
}
