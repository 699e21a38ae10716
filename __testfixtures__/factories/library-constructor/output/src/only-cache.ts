import { createCache } from 'cache-lib';
import { sessions } from './sessions';

export function scratch(): unknown {
  return createCache().get('x') ?? sessions.get('x');
}
