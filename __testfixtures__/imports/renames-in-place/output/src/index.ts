// Public API of the reports package.
export { capitalize as capitalise } from './util/strings';
export { format as formatReportDate } from 'date-kit';
