// The new import names the package's subpath. JSX only builds an element, so it may be built
// after the container is looked up; a child that calls something may not.
import { render } from 'view-lib';

declare const root: Element;
declare const items: string[];

render(<main title="home">{'Welcome'}</main>, root);
render(<aside className="side" />, document.getElementById('side'));
render(<ul className="items" title="every item">{items.map((item) => <li key={item}>{item}</li>)}</ul>, document.getElementById('list'));
