import type { Bag, Decimal } from './clock';

export function total(items: unknown, amount: unknown): number {
  const counted = (items as Bag).getCount();
  const zero = (amount as Decimal).constants.Zero;
  return (items as Bag).length + counted + (zero === amount ? 1 : 0);
}
