export { formatUserName as formatUser } from '../../core/src';
