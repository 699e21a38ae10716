// Plain code: the local name follows the rename.
import { renderIcon } from './hooks';

export const menuIcon = renderIcon('menu');
