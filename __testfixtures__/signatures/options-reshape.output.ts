import { Widget, createWidget } from './widgets';

export function mount(host: string, widget: Widget): Widget[] {
  // A key becomes a call on the result; the other keys stay in the options.
  const header = createWidget({ title: 'Header' /* shown */ }).attach(host);
  const bare = createWidget({}).attach('#footer');
  // A renamed key and a dropped one.
  widget.setup({ ttlMs: 30, title: 'Main' });
  // Not the shape: no `el` key, a spread that could set it.
  const plain = new Widget({ title: 'Plain' });
  const spread = new Widget({ ...widget.options });
  return [header, bare, plain, spread];
}
