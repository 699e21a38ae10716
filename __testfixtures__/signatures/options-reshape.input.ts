import { Widget } from './widgets';

export function mount(host: string, widget: Widget): Widget[] {
  // A key becomes a call on the result; the other keys stay in the options.
  const header = new Widget({ el: host, title: 'Header' /* shown */ });
  const bare = new Widget({ el: '#footer' });
  // A renamed key and a dropped one.
  widget.configure({ timeout: 30, legacyMode: true, title: 'Main' });
  // Not the shape: no `el` key, a spread that could set it.
  const plain = new Widget({ title: 'Plain' });
  const spread = new Widget({ ...widget.options });
  return [header, bare, plain, spread];
}
