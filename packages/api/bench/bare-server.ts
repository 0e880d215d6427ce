// The yardstick: node:http and pg alone answering the same right-check lookup as the API (the
// same SQL, the same zone cache), without GraphQL, ORM, authentication or check log.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import {
  checkParams,
  checkPgSql,
  outageRowKind,
  zoneIdSql,
} from '../src/modules/enforcement/right-check.sql.js';
import { numberedPlaceholders } from '../src/db/prepared-statement.js';
import { serveBench } from './bench-child.js';

const zoneQuery = numberedPlaceholders(zoneIdSql);
/**
 * BENCH_BARE_PREPARED=1: the lookup as a named statement, planned once per connection, as the API
 * sends it (db/prepared-statement.ts). Without it unnamed, as a plain `pool.query(text, values)`
 * sends it: PostgreSQL plans it anew each time, which costs more than the lookup itself.
 * right-check-bench.ts runs one of each.
 */
const statementName = process.env.BENCH_BARE_PREPARED === '1' ? 'bare_rights' : undefined;

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const zones = new Map<string, string>();

async function check(body: string) {
  const { plate, zone, municipality } = JSON.parse(body) as Record<string, string>;
  const normalised = plate!.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const key = `${municipality}\u0000${zone}`;
  let zoneId = zones.get(key);
  if (!zoneId) {
    zoneId = (await pool.query<{ id: string }>(zoneQuery, [municipality, zone])).rows[0]?.id;
    if (!zoneId) return { status: 404, answer: { error: 'NOT_FOUND' } };
    zones.set(key, zoneId);
  }
  const { rows } = await pool.query<{ kind: string; until: Date | null }>({
    name: statementName,
    text: checkPgSql,
    values: checkParams(normalised, 'NL', zoneId, new Date(), true),
  });
  const rights = rows.filter((row) => row.kind !== outageRowKind);
  const best = rights.find((row) => row.kind !== 'visitorSession') ?? rights[0];
  return {
    status: 200,
    answer: { valid: Boolean(best), kind: best?.kind ?? null, validUntil: best?.until ?? null },
  };
}

const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    check(body).then(
      ({ status, answer }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      },
      (error: unknown) => {
        res.writeHead(500).end(String(error));
      },
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  serveBench(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, async () => {
    server.close();
    await pool.end();
  });
});
