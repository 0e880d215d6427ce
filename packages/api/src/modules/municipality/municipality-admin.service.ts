import type { EntityManager } from '@mikro-orm/core';
import type { InputProblem } from '../../graphql/app-error.js';
import { AppError, refuseProblems } from '../../graphql/app-error.js';
import { adminTown, type Actor } from '../admin/admin-scope.js';
import { recordChange } from '../audit/audit-log.js';
import type { MunicipalityInput, RetentionInput } from './municipality-admin.types.js';
import {
  Municipality,
  type ResidenceCheck,
  type RetentionPolicy,
} from '../../model/municipality.entity.js';

const codePattern = /^[a-z][a-z0-9-]{1,39}$/;
/** Leges of a thousand euros per permit: far above any town's, a typo guard. */
const maxAdministrationFee = 100_000;
/**
 * docs/rules.md §9 fines: a fine's plate data is kept at least a week (an objection period shorter
 * than that could not be met by post) and at most a year (past any objection and appeal term).
 */
export const objectionPeriodBounds = { min: 7, max: 365 } as const;
/** Beyond these, plates would be kept longer than any town's rule asks (docs/rules.md §8). */
const maxRetention = { hoursAfterEnd: 24 * 7, weeksAfterEnd: 52 } as const;

function retentionFrom(input: RetentionInput, problems: InputProblem[], at: string) {
  if (input.kind !== 'hoursAfterEnd' && input.kind !== 'weeksAfterEnd') {
    problems.push({ code: 'SETTING_INVALID_CHOICE', path: `${at}.kind` });
    return null;
  }
  const max = maxRetention[input.kind];
  if (!Number.isSafeInteger(input.amount) || input.amount < 1 || input.amount > max) {
    problems.push({ code: 'SETTING_INVALID_CHOICE', path: `${at}.amount` });
    return null;
  }
  return input.kind === 'hoursAfterEnd'
    ? ({ kind: 'hoursAfterEnd', hours: input.amount } satisfies RetentionPolicy)
    : ({ kind: 'weeksAfterEnd', weeks: input.amount } satisfies RetentionPolicy);
}

/** The town's own settings (its admin) and the list of towns (the platform admin). */
export class MunicipalityAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Actor,
  ) {}

  ownTown(): Promise<Municipality> {
    return this.em.findOneOrFail(Municipality, { id: adminTown(this.actor) });
  }

  async setRetention(input: RetentionInput): Promise<Municipality> {
    const town = await this.ownTown();
    const problems: InputProblem[] = [];
    const retention = retentionFrom(input, problems, 'retention');
    refuseProblems(problems);
    const before = town.retention;
    town.retention = retention!;
    recordChange(this.em, this.actor, {
      action: 'municipality.retention.set',
      subjectType: 'municipality',
      subjectId: town.id,
      subjectLabel: town.code,
      municipalityId: town.id,
      before,
      after: town.retention,
    });
    await this.em.flush();
    return town;
  }

  async setAdministrationFee(cents: number): Promise<Municipality> {
    const town = await this.ownTown();
    const problems: InputProblem[] = [];
    if (!Number.isSafeInteger(cents) || cents < 0) {
      problems.push({ code: 'SETTING_NEGATIVE', path: 'administrationFeeCents' });
    } else if (cents > maxAdministrationFee) {
      problems.push({
        code: 'SETTING_TOO_LARGE',
        path: 'administrationFeeCents',
        params: { max: maxAdministrationFee },
      });
    }
    refuseProblems(problems);
    const before = { administrationFeeCents: town.administrationFeeCents };
    town.administrationFeeCents = cents;
    recordChange(this.em, this.actor, {
      action: 'municipality.administrationFee.set',
      subjectType: 'municipality',
      subjectId: town.id,
      subjectLabel: town.code,
      municipalityId: town.id,
      before,
      after: { administrationFeeCents: cents },
    });
    await this.em.flush();
    return town;
  }

  /**
   * docs/rules.md §9 fines: how many days a fined session's plate is kept for an objection, in
   * whole days; audited. Fines already recorded keep the date they were given.
   */
  async setObjectionPeriod(days: number): Promise<Municipality> {
    const town = await this.ownTown();
    const { min, max } = objectionPeriodBounds;
    if (!Number.isSafeInteger(days) || days < min || days > max) {
      refuseProblems([
        { code: 'SETTING_OUT_OF_RANGE', path: 'objectionPeriodDays', params: { min, max } },
      ]);
    }
    const before = { objectionPeriodDays: town.objectionPeriodDays };
    town.objectionPeriodDays = days;
    recordChange(this.em, this.actor, {
      action: 'municipality.objectionPeriod.set',
      subjectType: 'municipality',
      subjectId: town.id,
      subjectLabel: town.code,
      municipalityId: town.id,
      before,
      after: { objectionPeriodDays: days },
    });
    await this.em.flush();
    return town;
  }

  /** docs/rules.md §2 registered address: the town's choice, audited. */
  async setResidenceCheck(residenceCheck: ResidenceCheck): Promise<Municipality> {
    const town = await this.ownTown();
    const before = { residenceCheck: town.residenceCheck };
    town.residenceCheck = residenceCheck;
    recordChange(this.em, this.actor, {
      action: 'municipality.residenceCheck.set',
      subjectType: 'municipality',
      subjectId: town.id,
      subjectLabel: town.code,
      municipalityId: town.id,
      before,
      after: { residenceCheck },
    });
    await this.em.flush();
    return town;
  }

  /** docs/rules.md §6 registration sign-in: may such a login top up its permit; audited. */
  async setRegistrationLoginTopUps(allowed: boolean): Promise<Municipality> {
    const town = await this.ownTown();
    const before = { registrationLoginTopUps: town.registrationLoginTopUps };
    town.registrationLoginTopUps = allowed;
    recordChange(this.em, this.actor, {
      action: 'municipality.registrationLoginTopUps.set',
      subjectType: 'municipality',
      subjectId: town.id,
      subjectLabel: town.code,
      municipalityId: town.id,
      before,
      after: { registrationLoginTopUps: allowed },
    });
    await this.em.flush();
    return town;
  }

  all(): Promise<Municipality[]> {
    return this.em.find(Municipality, {}, { orderBy: { name: 'asc' } });
  }

  async create(input: MunicipalityInput): Promise<Municipality> {
    const problems: InputProblem[] = [];
    const code = input.code.trim().toLowerCase();
    if (!codePattern.test(code)) problems.push({ code: 'SETTING_INVALID_CHOICE', path: 'code' });
    if (!input.name.trim()) problems.push({ code: 'SETTING_REQUIRED', path: 'name' });
    else if (input.name.trim().length > 120) {
      problems.push({ code: 'SETTING_TOO_LONG', path: 'name', params: { max: 120 } });
    }
    const retention = retentionFrom(input.retention, problems, 'retention');
    refuseProblems(problems);
    if ((await this.em.count(Municipality, { code })) > 0) {
      throw new AppError('MUNICIPALITY_CODE_TAKEN', { code });
    }
    const town = this.em.create(Municipality, {
      code,
      name: input.name.trim(),
      retention: retention!,
      createdAt: this.actor.now,
    });
    recordChange(this.em, this.actor, {
      action: 'municipality.create',
      subjectType: 'municipality',
      subjectId: town.id,
      subjectLabel: town.code,
      municipalityId: town.id,
      before: null,
      after: { code: town.code, name: town.name, retention: town.retention },
    });
    await this.em.flush();
    return town;
  }
}
