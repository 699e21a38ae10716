export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function truncateWithEllipsisWhenLongerThanLimit(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}
