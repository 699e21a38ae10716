export declare function createRoot(container: Element | null): { render(element: unknown): void };
