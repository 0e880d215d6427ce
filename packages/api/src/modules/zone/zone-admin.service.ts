import type { EntityManager } from '@mikro-orm/core';
import type { IsoWeekday } from '@parkeer/domain/time/local-date';
import type { Regime } from '@parkeer/domain/regime/regime';
import { validateRegime } from '@parkeer/domain/regime/regime-validation';
import { AppError, refuseProblems, type InputProblem } from '../../graphql/app-error.js';
import { isUuid } from '../../db/uuid.js';
import { adminTown, requireOwnTown, type Actor } from '../admin/admin-scope.js';
import { recordChange } from '../audit/audit-log.js';
import { forgetCachedZones } from '../enforcement/zone-cache.js';
import { Municipality } from '../../model/municipality.entity.js';
import { ProductType } from '../../model/product-type.entity.js';
import type { ZoneEmissionRuleInput, ZoneInput, ZoneRegimeInput } from './zone-admin.types.js';
import {
  emissionRuleFuels,
  validateZoneEmissionRule,
  type ZoneEmissionRule,
} from '@parkeer/domain/eligibility/vehicle';
import { Zone } from '../../model/zone.entity.js';

const codePattern = /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/;
const maxLabel = 60;

/** Problems of a zone's code and name; the code must also be free in the town. */
function zoneProblems(input: ZoneInput): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!input.code.trim()) problems.push({ code: 'SETTING_REQUIRED', path: 'code' });
  else if (!codePattern.test(input.code.trim())) {
    problems.push({ code: 'SETTING_INVALID_CHOICE', path: 'code' });
  }
  if (!input.name.trim()) problems.push({ code: 'SETTING_REQUIRED', path: 'name' });
  else if (input.name.trim().length > 120) {
    problems.push({ code: 'SETTING_TOO_LONG', path: 'name', params: { max: 120 } });
  }
  return problems;
}

/** The regime as entered, in the domain's shape and order (problems name input positions). */
function regimeFrom(input: ZoneRegimeInput): Regime {
  return {
    weekly: input.weekly.map((w) => ({
      weekday: w.weekday as IsoWeekday,
      from: w.from,
      to: w.to,
    })),
    exceptions: input.exceptions.map((e) => ({
      date: e.date.trim(),
      windows: e.windows.map((w) => ({ from: w.from, to: w.to })),
      ...(e.label?.trim() ? { label: e.label.trim() } : {}),
    })),
  };
}

/** A valid regime as stored: exceptions in date order. */
const stored = (regime: Regime): Regime => ({
  weekly: regime.weekly,
  exceptions: [...regime.exceptions].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  ),
});

/**
 * Price lines name their zones by code (as the price lists do): a renamed zone keeps its prices
 * under its new code. A rename, not a price change, so lines in effect change too.
 */
async function renameInPriceLines(em: EntityManager, town: string, from: string, to: string) {
  for (const productType of await em.find(ProductType, { municipality: town })) {
    const policy = productType.topUpPolicy;
    if (policy?.pricing.kind !== 'perUnit') continue;
    const prices = policy.pricing.prices.map((line) =>
      line.zones.includes(from)
        ? { ...line, zones: line.zones.map((zone) => (zone === from ? to : zone)) }
        : line,
    );
    productType.topUpPolicy = { ...policy, pricing: { ...policy.pricing, prices } };
  }
}

const zoneSummary = (zone: Zone) => ({ code: zone.code, name: zone.name });

/**
 * A municipal admin's zones. A change of paid hours applies to what is still to be settled:
 * settled sessions keep the charge they were settled with (their ledger rows are final).
 */
export class ZoneAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Actor,
  ) {}

  list(): Promise<Zone[]> {
    return this.em.find(
      Zone,
      { municipality: adminTown(this.actor) },
      { orderBy: { code: 'asc' } },
    );
  }

  async get(zoneId: string): Promise<Zone> {
    const zone = isUuid(zoneId) ? await this.em.findOne(Zone, { id: zoneId }) : null;
    requireOwnTown(this.actor, zone?.municipality.id);
    return zone!;
  }

  async create(input: ZoneInput, regimeInput: ZoneRegimeInput | null): Promise<Zone> {
    const entered = regimeInput ? regimeFrom(regimeInput) : { weekly: [], exceptions: [] };
    refuseProblems([...zoneProblems(input), ...this.regimeProblems(entered)]);
    const regime = stored(entered);
    const town = adminTown(this.actor);
    await this.requireFreeCode(town, input.code.trim());
    const zone = this.em.create(Zone, {
      municipality: this.em.getReference(Municipality, town),
      code: input.code.trim(),
      name: input.name.trim(),
      regime,
    });
    recordChange(this.em, this.actor, {
      action: 'zone.create',
      subjectType: 'zone',
      subjectId: zone.id,
      subjectLabel: zone.code,
      municipalityId: town,
      before: null,
      after: { ...zoneSummary(zone), regime },
    });
    await this.em.flush();
    return zone;
  }

  async update(zoneId: string, input: ZoneInput): Promise<Zone> {
    const zone = await this.get(zoneId);
    refuseProblems(zoneProblems(input));
    const code = input.code.trim();
    if (code !== zone.code) await this.requireFreeCode(zone.municipality.id, code);
    const before = zoneSummary(zone);
    zone.code = code;
    zone.name = input.name.trim();
    if (before.code !== code)
      await renameInPriceLines(this.em, zone.municipality.id, before.code, code);
    recordChange(this.em, this.actor, {
      action: 'zone.update',
      subjectType: 'zone',
      subjectId: zone.id,
      subjectLabel: zone.code,
      municipalityId: zone.municipality.id,
      before,
      after: zoneSummary(zone),
    });
    await this.em.flush();
    if (before.code !== zone.code) forgetCachedZones(this.em.getDriver());
    return zone;
  }

  async setRegime(zoneId: string, input: ZoneRegimeInput): Promise<Zone> {
    const zone = await this.get(zoneId);
    const entered = regimeFrom(input);
    refuseProblems(this.regimeProblems(entered));
    const regime = stored(entered);
    const before = zone.regime;
    zone.regime = regime;
    recordChange(this.em, this.actor, {
      action: 'zone.regime.set',
      subjectType: 'zone',
      subjectId: zone.id,
      subjectLabel: zone.code,
      municipalityId: zone.municipality.id,
      before,
      after: regime,
    });
    await this.em.flush();
    return zone;
  }

  /** docs/rules.md §2 emission rule: validated whole, then stored with an audit entry. */
  async setEmissionRule(zoneId: string, input: ZoneEmissionRuleInput | null): Promise<Zone> {
    const zone = await this.get(zoneId);
    const entered = input
      ? emissionRuleFuels.filter((fuel) => input[fuel] !== null && input[fuel] !== undefined)
      : [];
    const rule: ZoneEmissionRule | null =
      entered.length > 0
        ? { minimumEuroClass: Object.fromEntries(entered.map((fuel) => [fuel, input![fuel]])) }
        : null;
    refuseProblems(
      validateZoneEmissionRule(rule).map((problem) => ({
        code: problem.code,
        path: problem.path,
        ...(problem.params ? { params: problem.params } : {}),
      })),
    );
    const before = zone.emissionRule ?? null;
    zone.emissionRule = rule;
    recordChange(this.em, this.actor, {
      action: 'zone.emissionRule.set',
      subjectType: 'zone',
      subjectId: zone.id,
      subjectLabel: zone.code,
      municipalityId: zone.municipality.id,
      before,
      after: rule,
    });
    await this.em.flush();
    return zone;
  }

  private regimeProblems(regime: Regime): InputProblem[] {
    const problems: InputProblem[] = validateRegime(regime).map((problem) => ({
      code: problem.code,
      path: `regime.${problem.path}`,
    }));
    regime.exceptions.forEach((exception, index) => {
      if ((exception.label?.length ?? 0) > maxLabel) {
        problems.push({
          code: 'SETTING_TOO_LONG',
          path: `regime.exceptions[${index}].label`,
          params: { max: maxLabel },
        });
      }
    });
    return problems;
  }

  private async requireFreeCode(municipalityId: string, code: string): Promise<void> {
    const taken = await this.em.count(Zone, { municipality: municipalityId, code });
    if (taken > 0) throw new AppError('ZONE_CODE_TAKEN', { code });
  }
}
