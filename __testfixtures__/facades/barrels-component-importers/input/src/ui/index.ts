export * from './button';
export { Badge } from './badge';
