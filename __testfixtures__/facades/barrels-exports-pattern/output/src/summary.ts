import { capitalize, truncateWithEllipsisWhenLongerThanLimit } from './util/strings';
import { clamp } from './util/numbers';

export function summarize(text: string, width: number): string {
  return capitalize(truncateWithEllipsisWhenLongerThanLimit(text, clamp(width, 10, 80)));
}
