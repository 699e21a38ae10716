import {
  capitalize,
  clamp,
  truncateWithEllipsisWhenLongerThanLimit,
} from './util';

export function summarize(text: string, width: number): string {
  return capitalize(truncateWithEllipsisWhenLongerThanLimit(text, clamp(width, 10, 80)));
}
