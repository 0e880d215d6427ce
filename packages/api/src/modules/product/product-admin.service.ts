import type { EntityManager } from '@mikro-orm/core';
import type { TopUpPolicy } from '@parkeer/domain/balance/top-up-policy';
import type { SettingProblem } from '@parkeer/domain/settings/settings-problem';
import { validateSessionPolicy } from '@parkeer/domain/settings/session-policy-validation';
import { validateTopUpPolicy } from '@parkeer/domain/settings/top-up-policy-validation';
import type { SessionPolicy } from '@parkeer/domain/session-policy/session-policy';
import { localDateOf } from '@parkeer/domain/time/zoned-time';
import { refuseProblems } from '../../graphql/app-error.js';
import { isUuid } from '../../db/uuid.js';
import { adminTown, requireOwnTown, type Actor } from '../admin/admin-scope.js';
import { recordChange } from '../audit/audit-log.js';
import { Municipality } from '../../model/municipality.entity.js';
import { Permit } from '../../model/permit.entity.js';
import { ParkingSession } from '../../model/parking-session.entity.js';
import { Zone } from '../../model/zone.entity.js';
import type { ProductSettingsInput } from './product-admin.types.js';
import { ProductType } from '../../model/product-type.entity.js';

const maxNameLength = 80;

/** What the audit log keeps of a product type: every setting the back office can change. */
export const productSettingsOf = (productType: ProductType) => ({
  name: productType.name,
  delegationAllowed: productType.delegationAllowed,
  sessionPolicy: productType.sessionPolicy ?? null,
  topUpPolicy: productType.topUpPolicy ?? null,
});

/** The municipality's local date today: what 'in effect' and 'from tomorrow' are measured by. */
export async function townToday(em: EntityManager, municipalityId: string, now: Date) {
  const town = await em.findOneOrFail(Municipality, { id: municipalityId });
  return localDateOf(now, town.timeZone);
}

/**
 * A municipal admin's product types and their policy settings. A change applies from now on:
 * settled sessions and past purchases keep what they were settled or sold for, and dated price
 * lines already in effect cannot be rewritten.
 */
export class ProductAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Actor,
  ) {}

  list(): Promise<ProductType[]> {
    return this.em.find(
      ProductType,
      { municipality: adminTown(this.actor) },
      { orderBy: { code: 'asc' } },
    );
  }

  async get(productTypeId: string): Promise<ProductType> {
    const productType = isUuid(productTypeId)
      ? await this.em.findOne(ProductType, { id: productTypeId })
      : null;
    requireOwnTown(this.actor, productType?.municipality.id);
    return productType!;
  }

  permitCount(productTypeId: string): Promise<number> {
    return this.em.count(Permit, { productType: productTypeId });
  }

  async update(productTypeId: string, input: ProductSettingsInput): Promise<ProductType> {
    const productType = await this.get(productTypeId);
    const town = productType.municipality.id;
    const sessionPolicy = input.sessionPolicy
      ? ({ ...input.sessionPolicy } as unknown as SessionPolicy)
      : null;
    const problems: SettingProblem[] = [
      ...nameProblems(input.nameNl, 'nameNl'),
      ...nameProblems(input.nameEn, 'nameEn'),
    ];
    const unit = productType.balanceUnit ?? null;
    if (sessionPolicy) {
      // A right without a balance (a resident permit) has no sessions to rule.
      if (!unit) problems.push({ code: 'SETTING_UNIT_MISMATCH', path: 'sessionPolicy' });
      else problems.push(...validateSessionPolicy(sessionPolicy));
    }
    if (!sessionPolicy && productType.sessionPolicy) {
      // Settling a session needs its product's rules: parking is switched off once none is open.
      const open = await this.em.count(ParkingSession, {
        permit: { productType: productType.id },
        status: { $in: ['planned', 'running'] },
      });
      if (open > 0) problems.push({ code: 'SETTING_SESSIONS_STILL_OPEN', path: 'sessionPolicy' });
    }
    if (input.topUpPolicy) {
      if (!unit) problems.push({ code: 'SETTING_UNIT_MISMATCH', path: 'topUpPolicy' });
      else {
        const zones = await this.em.find(Zone, { municipality: town }, { fields: ['code'] });
        problems.push(
          ...validateTopUpPolicy(input.topUpPolicy, {
            unit,
            zoneCodes: zones.map((zone) => zone.code),
            today: await townToday(this.em, town, this.actor.now),
            previous: productType.topUpPolicy ?? null,
          }),
        );
      }
    }
    refuseProblems(problems);

    const before = productSettingsOf(productType);
    productType.name = { nl: input.nameNl.trim(), en: input.nameEn.trim() };
    productType.delegationAllowed = input.delegationAllowed;
    productType.sessionPolicy = sessionPolicy;
    productType.topUpPolicy = (input.topUpPolicy as unknown as TopUpPolicy | null) ?? null;
    recordChange(this.em, this.actor, {
      action: 'productType.settings.set',
      subjectType: 'productType',
      subjectId: productType.id,
      subjectLabel: productType.code,
      municipalityId: town,
      before,
      after: productSettingsOf(productType),
    });
    await this.em.flush();
    return productType;
  }
}

function nameProblems(name: string, path: string): SettingProblem[] {
  if (!name.trim()) return [{ code: 'SETTING_REQUIRED', path }];
  if (name.trim().length > maxNameLength) {
    return [{ code: 'SETTING_TOO_LONG', path, params: { max: maxNameLength } }];
  }
  return [];
}
