// A relative path into another package: rewritten with the alias, not a longer relative path.
import { formatUser } from '../../util/src';

export const other = formatUser(' Grace ');
