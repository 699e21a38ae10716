// Counters and gauges for the WebSocket layer, exposed on /health.
// Despite the file name this is not a manager; it only counts.

type Gauge = () => number;

const counters = new Map<string, number>();
const gauges = new Map<string, Gauge>();

export function increment(name: string, by = 1): void {
  counters.set(name, (counters.get(name) ?? 0) + by);
}

export function recordConnection(): void {
  increment('ws_connections_opened');
}

export function recordDisconnect(): void {
  increment('ws_connections_closed');
}

export function recordSend(frames = 1): void {
  increment('ws_frames_sent', frames);
}

export function recordDrop(reason: string): void {
  increment(`ws_frames_dropped.${reason}`);
}

export function registerGauge(name: string, read: Gauge): void {
  gauges.set(name, read);
}

export function snapshotMetrics(): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(counters);
  for (const [name, read] of gauges) out[name] = read();
  return out;
}

export function resetMetrics(): void {
  counters.clear();
}
