// In-process pub/sub between services. Listeners run in registration order.

export type Listener<T> = (payload: T) => void | Promise<void>;

export class EventBus<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Array<Listener<never>>>();

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as Listener<never>);
    this.listeners.set(event, list);
    return () => {
      const current = this.listeners.get(event) ?? [];
      this.listeners.set(event, current.filter((l) => l !== (listener as Listener<never>)));
    };
  }

  async emit<K extends keyof Events>(event: K, payload: Events[K]): Promise<number> {
    const list = (this.listeners.get(event) ?? []) as Array<Listener<Events[K]>>;
    for (const listener of list) await listener(payload);
    return list.length;
  }

  listenerCount(event: keyof Events): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}
