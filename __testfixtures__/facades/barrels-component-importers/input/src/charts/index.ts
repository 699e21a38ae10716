export { LineChart } from './line';
