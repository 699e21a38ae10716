export interface View {
  title: string;
}

export interface Host {
  id: string;
}

export interface Screen {
  show(view: View): void;
}

/** @deprecated open a screen on the host and show the view on it */
export function show(_view: View, _host: Host): void {}

export function openScreen(_host: Host): Screen {
  return { show() {} };
}
