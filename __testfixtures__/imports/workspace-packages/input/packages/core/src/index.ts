export function formatUserName(name: string): string {
  return name.trim();
}
