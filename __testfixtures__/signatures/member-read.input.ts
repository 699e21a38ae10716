import type { Bag, Decimal } from './clock';

export function total(amount: Decimal, items: Bag, names: string[]): number {
  const start = amount.constants.Zero;
  const size = items.length + names.length;
  const counted = items?.getCount();
  return size + counted + (start === amount ? 1 : 0);
}

export function reset(amount: { constants: { Zero: number } }): void {
  amount.constants.Zero = 0;
}
