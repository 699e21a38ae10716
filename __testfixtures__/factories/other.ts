/** Unrelated: shares the legacy accessor's name, returns a label. */
export function getManager(name: string): string {
  return `manager of ${name}`;
}
