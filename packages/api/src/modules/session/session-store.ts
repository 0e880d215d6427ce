import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { MinuteCounting, Tariff } from '@parkeer/domain/billing/billing-settings';
import type { Regime } from '@parkeer/domain/regime/regime';
import type { SessionPolicy } from '@parkeer/domain/session-policy/session-policy';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { isPostgres } from '../../db/dialect.js';
import type { DelegationStatus } from '../../model/delegation.entity.js';
import type { PermitStatus } from '../../model/permit.entity.js';
import type { Channel, SessionStatus } from '../../model/parking-session.entity.js';

/** A permit as a session decision needs it, with its product's and zone's settings. */
export interface StoredPermit {
  readonly id: string;
  readonly holderId: string | null;
  readonly status: PermitStatus;
  readonly balance: number;
  readonly validFrom: Date;
  readonly validUntil: Date | null;
  readonly sessionPolicy: SessionPolicy | null;
  readonly balanceUnit: BalanceUnit | null;
  readonly minuteCounting: MinuteCounting;
  readonly productTypeId: string;
  readonly zoneId: string;
  readonly municipalityId: string;
  readonly regime: Regime;
  readonly timeZone: string;
}

export interface StoredDelegation {
  readonly id: string;
  readonly delegateId: string | null;
  readonly plate: string | null;
  readonly status: DelegationStatus;
  readonly balance: number;
}

/** A session row; the fields a decision, a settlement and the API's answer need. */
export interface StoredSession {
  readonly id: string;
  readonly permitId: string;
  readonly delegationId: string | null;
  readonly plate: string;
  readonly country: string;
  readonly start: Date;
  end: Date;
  stoppedAt: Date | null;
  reservation: number;
  charge: number | null;
  status: SessionStatus;
  readonly channel: Channel;
  readonly startedById: string | null;
  /** The app that started it for the holder; null: the holder or a delegate did. */
  readonly startedByAppId: string | null;
}

type Row = Record<string, unknown>;

const date = (value: unknown): Date => (value instanceof Date ? value : new Date(value as number));
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

const sessionColumns = `s.id, s.permit_id, s.delegation_id, s.plate, s.country, s.start, s."end",
  s.stopped_at, s.reservation, s.charge, s.status, s.channel, s.started_by_id, s.started_by_app_id`;

function toSession(row: Row): StoredSession {
  return {
    id: row.id as string,
    permitId: row.permit_id as string,
    delegationId: (row.delegation_id as string | null) ?? null,
    plate: row.plate as string,
    country: row.country as string,
    start: date(row.start),
    end: date(row.end),
    stoppedAt: row.stopped_at == null ? null : date(row.stopped_at),
    reservation: Number(row.reservation),
    charge: row.charge == null ? null : Number(row.charge),
    status: row.status as SessionStatus,
    channel: row.channel as Channel,
    startedById: (row.started_by_id as string | null) ?? null,
    startedByAppId: (row.started_by_app_id as string | null) ?? null,
  };
}

/**
 * The session hot path's reads and writes as plain SQL inside the caller's transaction: a start
 * is a handful of indexed statements, without building queries, hydrating or tracking entities
 * (MikroORM's work around each statement cost several times the statement). The tables and
 * columns are the entities'; the rest of the API keeps using the entities.
 */
export class SessionStore {
  private readonly postgres: boolean;

  constructor(private readonly tx: EntityManager) {
    this.postgres = isPostgres(tx);
  }

  private run<T = Row>(sql: string, params: unknown[]): Promise<T[]> {
    return this.tx
      .getConnection()
      .execute<T[]>(sql, params, 'all', this.tx.getTransactionContext());
  }

  /** Dates as the dialect stores them (SQLite: epoch milliseconds). */
  private stored(value: Date | null): unknown {
    return value === null ? null : this.tx.getPlatform().processDateProperty(value);
  }

  /**
   * The permit with its settings; `lock` takes its row until the transaction ends (PostgreSQL;
   * SQLite runs one transaction at a time), so concurrent balance changes queue.
   */
  async permit(permitId: string, lock: boolean): Promise<StoredPermit | null> {
    const [row] = await this.run(
      `select p.id, p.holder_id, p.status, p.balance, p.valid_from, p.valid_until,
        p.product_type_id, p.zone_id, p.municipality_id, t.session_policy, t.balance_unit,
        t.minute_counting, z.regime, m.time_zone
      from permit p join product_type t on t.id = p.product_type_id
        join zone z on z.id = p.zone_id join municipality m on m.id = p.municipality_id
      where p.id = ?${lock && this.postgres ? ' for update of p' : ''}`,
      [permitId],
    );
    if (!row) return null;
    return {
      id: row.id as string,
      holderId: (row.holder_id as string | null) ?? null,
      status: row.status as PermitStatus,
      balance: Number(row.balance),
      validFrom: date(row.valid_from),
      validUntil: row.valid_until == null ? null : date(row.valid_until),
      sessionPolicy: row.session_policy == null ? null : json<SessionPolicy>(row.session_policy),
      balanceUnit: (row.balance_unit as BalanceUnit | null) ?? null,
      minuteCounting: row.minute_counting as MinuteCounting,
      productTypeId: row.product_type_id as string,
      zoneId: row.zone_id as string,
      municipalityId: row.municipality_id as string,
      regime: json<Regime>(row.regime),
      timeZone: row.time_zone as string,
    };
  }

  async tariffs(permit: StoredPermit): Promise<Tariff[]> {
    if (permit.balanceUnit !== 'cents') return [];
    const rows = await this.run(
      'select valid_from, cents_per_hour from tariff where product_type_id = ? and zone_id = ? order by valid_from',
      [permit.productTypeId, permit.zoneId],
    );
    return rows.map((row) => ({
      validFrom: row.valid_from as string,
      centsPerHour: Number(row.cents_per_hour),
    }));
  }

  /** The accepted delegation of `accountId` on the permit, or one delegation by id. */
  async delegation(where: { permitId: string; delegateId: string } | { id: string }) {
    const [row] =
      'id' in where
        ? await this.run('select * from delegation where id = ?', [where.id])
        : await this.run(
            "select * from delegation where permit_id = ? and delegate_id = ? and status = 'accepted'",
            [where.permitId, where.delegateId],
          );
    if (!row) return null;
    const delegation: StoredDelegation = {
      id: row.id as string,
      delegateId: (row.delegate_id as string | null) ?? null,
      plate: (row.plate as string | null) ?? null,
      status: row.status as DelegationStatus,
      balance: Number(row.balance),
    };
    return delegation;
  }

  /** Whether the account was a delegate of the permit whose delegation the owner revoked. */
  async hadRevokedDelegation(permitId: string, delegateId: string): Promise<boolean> {
    const rows = await this.run(
      "select id from delegation where permit_id = ? and delegate_id = ? and status = 'revoked' limit 1",
      [permitId, delegateId],
    );
    return rows.length > 0;
  }

  /** Planned and running sessions of the permit (the stored status; some may be due). */
  async openSessions(permitId: string): Promise<StoredSession[]> {
    const rows = await this.run(
      `select ${sessionColumns} from parking_session s
      where s.permit_id = ? and s.status in ('planned', 'running') order by s.start, s.id`,
      [permitId],
    );
    return rows.map(toSession);
  }

  async session(sessionId: string): Promise<StoredSession | null> {
    const [row] = await this.run(`select ${sessionColumns} from parking_session s where s.id = ?`, [
      sessionId,
    ]);
    return row ? toSession(row) : null;
  }

  async insertSession(session: StoredSession, createdAt: Date): Promise<void> {
    await this.run(
      `insert into parking_session (id, permit_id, delegation_id, plate, country, start, "end",
        stopped_at, reservation, charge, status, channel, started_by_id, started_by_app_id,
        created_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        session.id,
        session.permitId,
        session.delegationId,
        session.plate,
        session.country,
        this.stored(session.start),
        this.stored(session.end),
        this.stored(session.stoppedAt),
        session.reservation,
        session.charge,
        session.status,
        session.channel,
        session.startedById,
        session.startedByAppId,
        this.stored(createdAt),
      ],
    );
  }

  /** Writes the session's changeable fields as they are now. */
  async updateSession(session: StoredSession): Promise<void> {
    await this.run(
      `update parking_session set "end" = ?, stopped_at = ?, reservation = ?, charge = ?,
        status = ? where id = ?`,
      [
        this.stored(session.end),
        this.stored(session.stoppedAt),
        session.reservation,
        session.charge,
        session.status,
        session.id,
      ],
    );
  }

  /** The next moment a session of the permit ends or a planned one starts; null: none open. */
  async nextDueMoment(permitId: string): Promise<Date | null> {
    const [row] = await this.run(
      `select min(s."end") as next_end,
        min(case when s.status = 'planned' then s.start end) as next_start
      from parking_session s where s.permit_id = ? and s.status in ('planned', 'running')`,
      [permitId],
    );
    const moments = [row?.next_end, row?.next_start]
      .filter((value) => value != null)
      .map((value) => date(value));
    if (moments.length === 0) return null;
    return new Date(Math.min(...moments.map((moment) => moment.getTime())));
  }

  /**
   * Makes sure the permit's settlement job runs at `at` at the latest (a dead-lettered one gets
   * its attempts back: new sessions deserve their settlement, whatever failed before): one row per permit, moved
   * earlier when needed, in the transaction of the change that needs it (scheduled work).
   */
  async scheduleSettlement(permitId: string, at: Date): Promise<void> {
    const earliest = this.postgres ? 'least' : 'min';
    await this.run(
      `insert into scheduled_job (id, kind, subject, run_at, attempts)
      values (?, 'settlePermit', ?, ?, 0)
      on conflict (kind, subject) do update set
        run_at = case when scheduled_job.done_at is null and scheduled_job.dead_at is null
          then ${earliest}(scheduled_job.run_at, excluded.run_at) else excluded.run_at end,
        attempts = case when scheduled_job.dead_at is null then scheduled_job.attempts else 0 end,
        done_at = null, dead_at = null`,
      [randomUUID(), permitId, this.stored(at)],
    );
  }

  /** Sets the permit's settlement job to `at` exactly, or marks it done when nothing is due. */
  async setSettlement(permitId: string, at: Date | null, now: Date): Promise<void> {
    if (at) {
      await this.run(
        `update scheduled_job set run_at = ?, done_at = null
        where kind = 'settlePermit' and subject = ?`,
        [this.stored(at), permitId],
      );
    } else {
      await this.run(
        `update scheduled_job set done_at = ? where kind = 'settlePermit' and subject = ?`,
        [this.stored(now), permitId],
      );
    }
  }
}
