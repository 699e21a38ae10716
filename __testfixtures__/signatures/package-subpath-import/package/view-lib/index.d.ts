export declare function render(element: unknown, container: Element | null): void;
