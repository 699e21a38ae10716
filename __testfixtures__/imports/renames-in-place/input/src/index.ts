// Public API of the reports package.
export { capitalise } from './util/strings';
export { formatDate as formatReportDate } from 'date-kit';
