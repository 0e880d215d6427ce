import type { EntityManager } from '@mikro-orm/core';
import { parsePlate } from '@parkeer/domain/plate/plate';
import {
  decideListPlate,
  decideRegistration,
  registrationWindow,
  type FlexRefusal,
  type ListedPlateRole,
} from '@parkeer/domain/session-policy/flexible-registration';
import { localDateOf } from '@parkeer/domain/time/zoned-time';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { isUuid } from '../../db/uuid.js';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { FlexPlate } from '../../model/flex-plate.entity.js';
import { Permit } from '../../model/permit.entity.js';
import { lockPermit } from '../ledger/balance-book.js';
import type { ChangeSink } from '../ledger/permit-transaction.js';
import { permitForViewer, type PermitNeed } from '../permit/permit-access.js';
import type { PermitEvent } from '../session/permit-events.js';
import { SessionStore, type StoredSession } from '../session/session-store.js';
import { SessionService, type SessionOutcome } from '../session/session.service.js';

/** What the business sees of its flexible permit today (docs/rules.md §5). */
export interface FlexOverview {
  readonly permit: Permit;
  readonly plates: FlexPlate[];
  readonly maxPlates: number;
  readonly date: string;
  readonly window:
    | { readonly ok: true; readonly start: Date; readonly end: Date }
    | { readonly ok: false; readonly nextDate: string | null };
  /** The open registrations: one, or none (older sessions may have left more). */
  readonly registrations: StoredSession[];
  readonly unit: BalanceUnit;
}

export type FlexOutcome =
  SessionOutcome | { readonly ok: false; readonly flex: FlexRefusal; readonly unit: BalanceUnit };

const byName = (a: FlexPlate, b: FlexPlate) =>
  a.name.localeCompare(b.name) || a.plate.localeCompare(b.plate);

/**
 * The flexible business permit (docs/rules.md §5, The flexible business permit): the business's list
 * of plates and the daily registration of one of them. A registration is an ordinary session
 * (same reservation, settlement, scheduled end and live events) whose start and end this
 * service sets: from now until the zone's paid hours end today.
 */
export class FlexService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
    private readonly now: Date,
    private readonly sink: ChangeSink<PermitEvent> | null = null,
  ) {}

  async overview(permitId: string): Promise<FlexOverview> {
    const permit = await this.permitOf(permitId, 'read');
    const { regime } = permit.zone;
    const timeZone = permit.municipality.timeZone;
    const window = registrationWindow(this.now, regime, timeZone);
    const open = await new SessionStore(this.em).openSessions(permit.id);
    return {
      permit,
      plates: await this.listOf(permit.id),
      maxPlates: permit.productType.maxListedPlates ?? 0,
      date: localDateOf(this.now, timeZone),
      window: window.ok ? window : { ok: false, nextDate: window.nextDate },
      // Past their end they wait for the settlement job: not today's registration any more.
      registrations: open.filter((s) => s.end > this.now),
      unit: permit.productType.balanceUnit ?? 'minutes',
    };
  }

  async addPlate(input: {
    permitId: string;
    plate: string;
    country?: string | null;
    name: string;
    role: ListedPlateRole;
  }): Promise<FlexPlate> {
    const permit = await this.permitOf(input.permitId, 'own');
    const parsed = parsePlate(input.plate, input.country ?? undefined);
    if (!parsed.ok) throw new AppError(parsed.reason, parsed.params);
    return this.em.transactional(async (tx) => {
      // The permit row lock queues concurrent additions, so the maximum holds (PostgreSQL).
      await lockPermit(tx, permit.id);
      const listed = await tx.find(FlexPlate, { permit: permit.id });
      const decision = decideListPlate(
        listed.map((entry) => entry.plate),
        parsed.plate.normalised,
        input.name,
        permit.productType.maxListedPlates ?? 0,
      );
      if (!decision.ok) throw new AppError(decision.reason, decision.params);
      const entry = tx.create(FlexPlate, {
        permit: permit.id,
        plate: parsed.plate.normalised,
        country: parsed.plate.country,
        name: input.name.trim(),
        role: input.role,
        createdAt: this.now,
      });
      await tx.flush();
      return entry;
    });
  }

  async renamePlate(permitId: string, plateId: string, name: string): Promise<FlexPlate> {
    const entry = await this.entryOf(permitId, plateId);
    const decision = decideListPlate([], entry.plate, name, 1);
    if (!decision.ok) throw new AppError(decision.reason, decision.params);
    entry.name = name.trim();
    await this.em.flush();
    return entry;
  }

  /** Takes a plate off the list; a registration it has today runs on to its end. */
  async removePlate(permitId: string, plateId: string): Promise<FlexPlate[]> {
    const entry = await this.entryOf(permitId, plateId);
    await this.em.remove(entry).flush();
    return this.listOf(entry.permit.id);
  }

  /**
   * Registers a listed plate for today (docs/rules.md §5): from now, or the first paid minute today,
   * until the zone's paid hours end; another plate's registration stops in the same transaction.
   */
  async register(permitId: string, plateInput: string): Promise<FlexOutcome> {
    const permit = await this.permitOf(permitId, 'use');
    const unit = permit.productType.balanceUnit ?? 'minutes';
    const parsed = parsePlate(plateInput);
    const plate = parsed.ok ? parsed.plate.normalised : plateInput.toUpperCase();
    const listed = await this.listOf(permit.id);
    const open = (await new SessionStore(this.em).openSessions(permit.id)).filter(
      (s) => s.end > this.now,
    );
    const plan = decideRegistration(
      plate,
      listed.map((entry) => entry.plate),
      open,
    );
    if (!plan.ok) return { ok: false, flex: plan, unit };
    const window = registrationWindow(this.now, permit.zone.regime, permit.municipality.timeZone);
    if (!window.ok) return { ok: false, flex: window, unit };
    const entry = listed.find((candidate) => candidate.plate === plate)!;
    return this.sessions().start({
      permitId: permit.id,
      plate: entry.plate,
      country: entry.country,
      // Now: no start, so a request that took a moment still starts 'now'.
      start: window.start > this.now ? window.start : null,
      end: window.end,
      channel: this.viewer.via === 'cookie' ? 'web' : 'app',
      replacing: plan.replaces,
    });
  }

  /** Stops today's registration (a planned one is taken back); none: nothing changes. */
  async stop(permitId: string): Promise<void> {
    // 'read': a blocked permit may still stop, as any session (docs/rules.md §5); never an admin.
    const permit = await this.permitOf(permitId, 'read', true);
    const open = await new SessionStore(this.em).openSessions(permit.id);
    for (const session of open.filter((s) => s.end > this.now)) {
      if (session.start > this.now) await this.sessions().delete(session.id);
      else await this.sessions().stop(session.id);
    }
  }

  private sessions(): SessionService {
    return new SessionService(this.em, this.viewer, this.now, this.sink);
  }

  private listOf(permitId: string): Promise<FlexPlate[]> {
    return this.em.find(FlexPlate, { permit: permitId }).then((list) => list.sort(byName));
  }

  private async entryOf(permitId: string, plateId: string): Promise<FlexPlate> {
    const permit = await this.permitOf(permitId, 'own');
    const entry = isUuid(plateId)
      ? await this.em.findOne(FlexPlate, { id: plateId, permit: permit.id })
      : null;
    if (!entry) throw new AppError('NOT_FOUND');
    return entry;
  }

  /**
   * The permit, when the viewer may do `need` with it: its holder; an admin of its town reads
   * (docs/rules.md §5); a delegate has no business with the list. Anything else is NOT_FOUND.
   */
  private async permitOf(
    permitId: string,
    need: PermitNeed,
    changes = need !== 'read',
  ): Promise<Permit> {
    let permit: Permit;
    if (this.viewer.role === 'municipalAdmin') {
      const found = isUuid(permitId)
        ? await this.em.findOne(
            Permit,
            { id: permitId, municipality: this.viewer.municipalityId },
            { populate: ['productType', 'zone', 'municipality'] },
          )
        : null;
      if (!found) throw new AppError('NOT_FOUND');
      if (changes) throw new AppError('FORBIDDEN');
      permit = found;
    } else {
      const use = await permitForViewer(this.em, this.viewer, permitId, need);
      if (use.delegation) throw new AppError('PRODUCT_OWNER_ONLY');
      permit = use.permit;
    }
    if (permit.productType.kind !== 'flexibleBusinessPermit') {
      throw new AppError('FLEX_NOT_A_FLEXIBLE_PERMIT');
    }
    return permit;
  }
}
