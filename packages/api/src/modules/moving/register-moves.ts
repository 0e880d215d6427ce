import type { EntityManager } from '@mikro-orm/core';
import { localDateOf } from '@parkeer/domain/time/zoned-time';
import { IdentityLink } from '../../model/identity-link.entity.js';
import { Permit } from '../../model/permit.entity.js';
import { logger } from '../../logging/logger.js';
import { identifierHash, normaliseBsn } from '../identity/identity-hash.js';
import type { ChangeSink } from '../ledger/permit-transaction.js';
import { livesAt, residenceOf } from '../population/residence.js';
import type { PermitEvent } from '../session/permit-events.js';
import { MoveService } from './move.service.js';

/** How often the register is asked again about the holders of active permits. */
export const residenceRecheckIntervalMs = 24 * 60 * 60_000;

/** What one holder's re-check came to (no personal data: fit for logs and metrics). */
export type RecheckOutcome = 'unchanged' | 'moved' | 'unanswered' | 'skipped';

/**
 * docs/rules.md §2 moving, reported by the register: asks the population register where the
 * holder lives and, when that is not where their permits are, moves them as if they had reported
 * it, dated with the register's date. Only permits of towns that check residence with the
 * register are moved. A register that does not answer decides nothing (the next run asks again);
 * a person the register does not know, or knows only abroad, is left for an official too.
 */
export async function recheckHolder(
  em: EntityManager,
  holderId: string,
  now: Date,
  sink: ChangeSink<PermitEvent> | null = null,
): Promise<RecheckOutcome> {
  const permits = await em.find(
    Permit,
    {
      holder: holderId,
      holderType: 'resident',
      status: 'active',
      municipality: { residenceCheck: 'register' },
    },
    { populate: ['municipality'] },
  );
  if (permits.length === 0) return 'skipped';
  const residence = await residenceOf(em, holderId);
  if (residence.kind === 'unanswered') return 'unanswered';
  if (residence.kind !== 'registered') return 'skipped';
  const registered = residence.residence;
  const address = residence.address;
  const elsewhere = permits.some((permit) => (address ? permit.addressKey !== address.key : true));
  if (!elsewhere) return 'unchanged';
  if (address && !livesAt(registered, address)) return 'skipped';
  const label =
    address?.label ??
    `${registered.street} ${registered.houseNumber}${registered.addition}, ${registered.place}`;
  const movedOn = registered.since ?? localDateOf(now, 'Europe/Amsterdam');
  const service = new MoveService(em, sink);
  const plan = await service.plan(holderId, address, label, movedOn, now);
  const towns = new Set(permits.map((permit) => permit.municipality.id));
  const ours = {
    ...plan,
    outcomes: plan.outcomes.filter((o) => towns.has(o.permit.municipality.id)),
  };
  if (ours.outcomes.length === 0) return 'unchanged';
  await service.carryOut(ours, 'register', holderId, now);
  return 'moved';
}

/**
 * The periodic re-check (a recurring job): every holder of an active resident permit in a town
 * that checks residence with the register. Holders without a sealed BSN are skipped; the
 * register's silence leaves everything as it is.
 */
export async function recheckResidences(
  em: EntityManager,
  now: Date,
): Promise<Record<RecheckOutcome, number>> {
  const rows = await em.find(
    Permit,
    {
      holder: { $ne: null },
      holderType: 'resident',
      status: 'active',
      municipality: { residenceCheck: 'register' },
    },
    { fields: ['holder'] },
  );
  const holders = [...new Set(rows.map((row) => row.holder!.id))];
  const counts: Record<RecheckOutcome, number> = {
    unchanged: 0,
    moved: 0,
    unanswered: 0,
    skipped: 0,
  };
  for (const holderId of holders) {
    counts[await recheckHolder(em.fork(), holderId, now)] += 1;
  }
  logger.info({ ...counts }, 'residence re-check');
  return counts;
}

/**
 * A change notification of the register (BRP "volgindicaties" style): it names a BSN whose
 * person changed. The holder is found by the BSN's match key and re-checked at once; a BSN we
 * do not know is answered the same (the sender learns nothing about who has an account).
 */
export async function notifiedChange(
  em: EntityManager,
  bsnTyped: string,
  now: Date,
  sink: ChangeSink<PermitEvent> | null = null,
): Promise<RecheckOutcome | 'invalid'> {
  const bsn = normaliseBsn(bsnTyped);
  if (!bsn) return 'invalid';
  const link = await em.findOne(IdentityLink, {
    kind: 'bsn',
    subjectHash: identifierHash('bsn', bsn),
  });
  if (!link) return 'skipped';
  return recheckHolder(em, link.account.id, now, sink);
}
