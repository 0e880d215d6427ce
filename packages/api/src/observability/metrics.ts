/**
 * The process's Prometheus metrics (served at /metrics, see metrics-route.ts): prom-client's
 * registry with Node's default process metrics, and the helpers the modules declare theirs with.
 * Each instance has its own registry: a scraper reads every instance (docs/operations.md,
 * "Health, metrics, logs and shutdown").
 */
import { collectDefaultMetrics, Counter, Gauge, Registry, type Metric } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

/** A counter of this process, registered on the /metrics registry. */
export function counter<L extends string = never>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
): Counter<L> {
  return new Counter({ name, help, labelNames, registers: [registry] });
}

type Labels = Readonly<Record<string, string>>;
type Reader = () => [Labels, number][] | Promise<[Labels, number][]>;

/** The reader of each gauge read on scrape; registering a gauge again replaces its reader. */
const readers = new Map<string, Reader>();

/**
 * Values per label set read when scraped, e.g. from the database or a pool. One that cannot be
 * read (the database is down) has no samples in that scrape rather than failing the others.
 * Registering the same name again (a new server in the same process, in tests) reads the new
 * source.
 */
export function labelledGauge(
  name: string,
  help: string,
  labelNames: readonly string[],
  read: Reader,
): void {
  const known = readers.has(name);
  readers.set(name, read);
  if (known) return;
  new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      this.reset();
      let samples: [Labels, number][];
      try {
        samples = await readers.get(name)!();
      } catch {
        return;
      }
      for (const [labels, value] of samples) this.set(labels, value);
    },
  });
}

/** A value read when scraped, e.g. a queue's length. */
export function gauge(name: string, help: string, read: () => number): void {
  labelledGauge(name, help, [], () => [[{}, read()]]);
}

/** The current value of a counter or gauge for these labels (tests). */
export async function metricValue(metric: Metric, labels: Labels = {}): Promise<number> {
  const { values } = await metric.get();
  const wanted = Object.entries(labels);
  const sample = values.find(
    (value) =>
      Object.keys(value.labels).length === wanted.length &&
      wanted.every(([name, label]) => value.labels[name] === label),
  );
  return sample?.value ?? 0;
}

/** Every metric in Prometheus's text exposition format. */
export function metricsText(): Promise<string> {
  return registry.metrics();
}

export const metricsContentType = registry.contentType;
