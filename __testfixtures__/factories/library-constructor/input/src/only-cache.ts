import { Cache } from 'cache-lib';
import { sessions } from './sessions';

export function scratch(): unknown {
  return new Cache().get('x') ?? sessions.get('x');
}
