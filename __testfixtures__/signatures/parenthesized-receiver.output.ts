import type { Bag, Decimal } from './clock';

export function total(items: unknown, amount: unknown): number {
  const counted = (items as Bag).count;
  const zero = (amount as Decimal).zero();
  return (items as Bag).size() + counted + (zero === amount ? 1 : 0);
}
