import type { Bag } from './clock';

const Layout = { Header: (props: { size: number }) => null };

// A JSX member name (`Layout.Header`) is no member read.
export function Panel({ items }: { items: Bag }) {
  return <Layout.Header size={items.length} />;
}
