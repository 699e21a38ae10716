import { capitalise } from './index';
import { capitalise as fromTitle } from './title';

export const heading = `${capitalise('reports')} ${fromTitle('page')}`;
