import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-node';
import { describe, expect, it } from 'vitest';
import { withoutPersonalData } from './span-scrubbing.js';

const plate = 'AB123C';

/** A span as instrumentations fill it when they are careless, with its methods on a prototype. */
function carelessSpan(): ReadableSpan {
  const prototype = { spanContext: () => ({ traceId: 't'.repeat(32), spanId: 's'.repeat(16) }) };
  return Object.assign(Object.create(prototype) as object, {
    name: 'pg.query:SELECT',
    attributes: {
      'graphql.source': `query { rightCheck(input: { plate: "${plate}" }) { valid } }`,
      'url.full': `https://rdw.example/voertuigen?kenteken=${plate}`,
      'url.query': `kenteken=${plate}`,
      'db.query.text': `select id from permit_plate where plate = '${plate}' and country = 'NL'`,
      'server.port': 5432,
    },
    events: [
      {
        name: 'exception',
        time: [0, 0],
        attributes: { 'exception.message': `Key (plate)=(${plate}) already exists.` },
      },
    ],
    status: { code: 2, message: `invalid input syntax for type uuid: "${plate}"` },
  }) as unknown as ReadableSpan;
}

describe('spans on their way to the exporter', () => {
  it('lose document texts, URL queries and the values quoted in statements and messages', async () => {
    const exported: ReadableSpan[] = [];
    const exporter: SpanExporter = {
      export: (spans, done) => {
        exported.push(...spans);
        done({ code: 0 });
      },
      shutdown: async () => {},
    };
    withoutPersonalData(exporter).export([carelessSpan()], () => {});
    const [span] = exported;
    const text = JSON.stringify({
      attributes: span!.attributes,
      events: span!.events,
      status: span!.status,
    });
    expect(text.includes(plate)).toBe(false);
    expect(span!.attributes['graphql.source']).toBeUndefined();
    expect(span!.attributes['url.full']).toBe('https://rdw.example/voertuigen');
    expect(span!.attributes['db.query.text']).toBe(
      "select id from permit_plate where plate = '?' and country = '?'",
    );
    expect(span!.attributes['server.port']).toBe(5432);
    // The rest of the span is the span's own: name, context.
    expect(span!.name).toBe('pg.query:SELECT');
    expect(span!.spanContext().spanId).toBe('s'.repeat(16));
  });
});
