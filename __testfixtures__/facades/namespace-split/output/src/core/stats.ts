let started = 0;

export function countStart(): number {
  started += 1;
  return started;
}
