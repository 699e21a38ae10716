export { shade as tint } from './palette/shade';
