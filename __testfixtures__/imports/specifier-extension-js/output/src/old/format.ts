export function title(text: string): string {
  return text.toUpperCase();
}
