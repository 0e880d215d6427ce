import { Writable } from 'node:stream';
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logging/logger.js';
import { requestIds } from '../src/logging/request-id.js';
import { Account } from '../src/model/account.entity.js';
import { testDialects, withDatabase } from './test-databases.js';

/* Issue 13: no plates, e-mail addresses or PINs in the log, not even inside database errors. */

const email = 'dup.licaat@example.nl';
const plate = 'AB123C';
const formattedPlate = 'AB-123-C';
const pin = '4711';

/** The API's logger (same options) writing its lines into `lines`. */
function capturingLogger(lines: string[]) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const log = createLogger(sink);
  log.level = 'debug';
  return log;
}

/** Runs `work` as if serving an HTTP request with the id `requestId`. */
function servingRequest(requestId: string, work: () => void): void {
  const request = { headers: { 'x-request-id': requestId } } as unknown as Request;
  const response = { setHeader: () => undefined, once: () => undefined } as unknown as Response;
  requestIds(() => undefined)(request, response, work);
}

async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the database to refuse');
}

const leaks = (text: string) =>
  [email, plate, formattedPlate, pin].filter((value) => text.includes(value));

const dialects = await testDialects();

describe.each(dialects)('database errors in the log on %s', (dialect) => {
  it('carry no plate or e-mail address, and keep the request id and what failed', async () => {
    await withDatabase(dialect, async (orm) => {
      const em = orm.em.fork();
      em.create(Account, { email, role: 'resident' });
      await em.flush();
      const connection = orm.em.getConnection();
      const errors = [
        // A unique violation: the statement with its values, and PostgreSQL's `Key (email)=(…)`.
        await failure(async () => {
          const again = orm.em.fork();
          again.create(Account, { email, role: 'resident' });
          await again.flush();
        }),
        // A NOT NULL violation: PostgreSQL's detail lists the whole row.
        await failure(() =>
          connection.execute('insert into account (id, email) values (?, ?)', [
            '6f1c2a8e-0b8e-4a55-9d6e-0c1a2b3c4d5e',
            `${plate}.${email}`,
          ]),
        ),
        // A plate as a parameter of a failing statement, and where PostgreSQL quotes a value.
        await failure(() =>
          connection.execute('select * from permit_plate where plate = ? and nope = ?', [
            plate,
            pin,
          ]),
        ),
        await failure(() =>
          connection.execute(
            dialect === 'postgresql'
              ? 'select * from permit where id = ?'
              : 'select * from permit where id = ? and nope',
            [formattedPlate],
          ),
        ),
      ];
      // Unscrubbed, each of these errors quotes a value.
      for (const error of errors) {
        const raw = JSON.stringify({ ...(error as object), message: (error as Error).message });
        expect(leaks(raw), raw).not.toEqual([]);
      }

      const lines: string[] = [];
      const log = capturingLogger(lines);
      servingRequest('trace-13', () => {
        for (const error of errors) {
          log.error({ err: error }, 'unexpected error in a GraphQL operation');
          log.error(error);
        }
      });

      expect(lines).toHaveLength(errors.length * 2);
      for (const line of lines) {
        expect(leaks(line), line).toEqual([]);
        const parsed = JSON.parse(line) as { requestId: string; err: Record<string, string> };
        expect(parsed.requestId).toBe('trace-13');
        expect(parsed.err.type).toBeTruthy();
        expect(parsed.err.stack).toContain('\n');
      }
      // What failed stays readable: the statement, the table and the constraint.
      const first = JSON.parse(lines[0]!) as { err: { message: string; code: string } };
      expect(first.err.message).toMatch(/insert into .account./);
      expect(first.err.message.toLowerCase()).toContain('unique');
      expect(first.err.code).toBeTruthy();
    });
  });
});

describe('personal fields in the log', () => {
  it('are redacted wherever a line names them, the rest of the line stays', () => {
    const lines: string[] = [];
    const log = capturingLogger(lines);
    servingRequest('trace-14', () => {
      log.info(
        {
          email,
          plate,
          pin,
          input: { email, plate: formattedPlate, pin, password: 'Geheim-2026', name: 'Oma' },
          variables: { e: email },
          headers: { authorization: 'Bearer abc.def', cookie: 'parkeer_session=xyz' },
          req: { headers: { cookie: 'parkeer_session=xyz', 'set-cookie': 'parkeer_session=xyz' } },
          token: 'reset-token-123',
          permitId: '4c0c3f4e-8f4e-4a1e-9c84-3e5b1d1f0a77',
        },
        `mail sent to ${email}`,
      );
    });
    const line = lines[0]!;
    expect(leaks(line)).toEqual([]);
    for (const secret of ['Geheim-2026', 'abc.def', 'xyz', 'reset-token-123']) {
      expect(line).not.toContain(secret);
    }
    expect(JSON.parse(line)).toMatchObject({
      requestId: 'trace-14',
      permitId: '4c0c3f4e-8f4e-4a1e-9c84-3e5b1d1f0a77',
      input: { name: 'Oma' },
      msg: 'mail sent to [email]',
    });
  });
});
