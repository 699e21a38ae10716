import { capitalize } from './index';
import { capitalize as fromTitle } from './title';

export const heading = `${capitalize('reports')} ${fromTitle('page')}`;
