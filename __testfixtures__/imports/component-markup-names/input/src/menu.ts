// Plain code: the local name follows the rename.
import { useRenderIcon } from './hooks';

export const menuIcon = useRenderIcon('menu');
