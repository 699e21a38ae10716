export function helper(value: string): string {
  return value.trim();
}
