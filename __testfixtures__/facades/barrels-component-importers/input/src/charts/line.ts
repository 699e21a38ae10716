export function LineChart(): string {
  return '<svg />';
}
