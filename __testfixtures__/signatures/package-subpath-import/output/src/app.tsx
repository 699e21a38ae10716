// The new import names the package's subpath. JSX only builds an element, so it may be built
// after the container is looked up; a child that calls something may not.
import { render } from 'view-lib';
import { createRoot } from 'view-lib/client';

declare const root: Element;
declare const items: string[];

createRoot(root).render(<main title="home">{'Welcome'}</main>);
createRoot(document.getElementById('side')).render(<aside className="side" />);
render(<ul className="items" title="every item">{items.map((item) => <li key={item}>{item}</li>)}</ul>, document.getElementById('list'));
