export interface WidgetOptions {
  title?: string;
  ttlMs?: number;
}

export class Widget {
  constructor(readonly options: WidgetOptions & { el?: string; timeout?: number; legacyMode?: boolean }) {}
  attach(el: string): this {
    void el;
    return this;
  }
  configure(options: { timeout: number; legacyMode: boolean; title?: string }): void {
    void options;
  }
  setup(options: WidgetOptions): void {
    void options;
  }
}

export function createWidget(options: WidgetOptions): Widget {
  return new Widget(options);
}
