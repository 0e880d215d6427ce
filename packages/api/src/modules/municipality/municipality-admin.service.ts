import type { EntityManager } from '@mikro-orm/core';
import {
  validateAdministrationFee,
  validateObjectionPeriod,
  validateRetention,
} from '@parkeer/domain/settings/town-settings-validation';
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

function retentionFrom(input: RetentionInput, problems: InputProblem[], at: string) {
  const checked = validateRetention(input, at);
  problems.push(...checked.problems);
  return checked.retention satisfies RetentionPolicy | null;
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
    refuseProblems(validateAdministrationFee(cents));
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
    refuseProblems(validateObjectionPeriod(days));
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
