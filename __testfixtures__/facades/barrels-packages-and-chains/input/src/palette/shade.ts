export function shade(color: string, amount: number): string {
  return `${color}/${amount}`;
}
