export { Button } from './button';
export { default as Link } from './link';
