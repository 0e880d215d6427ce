/**
 * A few process-wide counters and gauges in Prometheus's text format (served at /metrics).
 * Small on purpose: what an operator needs to see guessing and floods, without a client library.
 */

type Labels = Readonly<Record<string, string>>;

interface Metric {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge';
  samples(): [Labels, number][] | Promise<[Labels, number][]>;
}

const metrics = new Map<string, Metric>();

const labelText = (labels: Labels) => {
  const pairs = Object.entries(labels).map(
    ([name, value]) =>
      `${name}="${value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`))}"`,
  );
  return pairs.length > 0 ? `{${pairs.join(',')}}` : '';
};

export class Counter {
  private readonly values = new Map<string, [Labels, number]>();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {
    metrics.set(name, { name, help, type: 'counter', samples: () => [...this.values.values()] });
  }

  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(labels);
    const entry = this.values.get(key);
    if (entry) entry[1] += by;
    else this.values.set(key, [labels, by]);
  }

  /** The current value for these labels (tests). */
  value(labels: Labels = {}): number {
    return this.values.get(labelText(labels))?.[1] ?? 0;
  }
}

/** A value read when scraped, e.g. a queue's length. */
export function gauge(name: string, help: string, read: () => number): void {
  metrics.set(name, { name, help, type: 'gauge', samples: () => [[{}, read()]] });
}

/**
 * Values per label set read when scraped, e.g. from the database. One that cannot be read (the
 * database is down) is left out of that scrape rather than failing the others.
 */
export function labelledGauge(
  name: string,
  help: string,
  read: () => Promise<[Labels, number][]>,
): void {
  metrics.set(name, { name, help, type: 'gauge', samples: read });
}

/** Every metric in Prometheus's text exposition format. */
export async function metricsText(): Promise<string> {
  const lines: string[] = [];
  for (const metric of metrics.values()) {
    let samples: [Labels, number][];
    try {
      samples = await metric.samples();
    } catch {
      continue;
    }
    lines.push(`# HELP ${metric.name} ${metric.help}`, `# TYPE ${metric.name} ${metric.type}`);
    for (const [labels, value] of samples) {
      lines.push(`${metric.name}${labelText(labels)} ${value}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
