import type { EntityManager } from '@mikro-orm/core';
import type { TopUpPolicy } from '@parkeer/domain/balance/top-up-policy';
import type { SettingProblem } from '@parkeer/domain/settings/settings-problem';
import type { CounterSettings } from '@parkeer/domain/counter/counter-settings';
import {
  applicantRulesOf,
  validateApplicantRules,
  type ApplicantRules,
} from '@parkeer/domain/settings/applicant-rules-validation';
import { validateCounterSettings } from '@parkeer/domain/settings/counter-settings-validation';
import { validateSessionPolicy } from '@parkeer/domain/settings/session-policy-validation';
import {
  validatePermitScope,
  type PermitScopeSettings,
  type ZoneValidity,
} from '@parkeer/domain/settings/permit-scope-validation';
import type { ForeignPlatePolicy } from '@parkeer/domain/eligibility/permit-application';
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
import { ProductTypeZone } from '../../model/product-type-zone.entity.js';
import type {
  ApplicantRulesInput,
  CounterSettingsInput,
  ProductSettingsInput,
} from './product-admin.types.js';
import { plateRightKinds } from '@parkeer/domain/product/product-kinds';
import { ProductType } from '../../model/product-type.entity.js';

const maxNameLength = 80;

/** What the audit log keeps of a product type: every setting the back office can change. */
export const productSettingsOf = (productType: ProductType, validZoneCodes: readonly string[]) => ({
  name: productType.name,
  delegationAllowed: productType.delegationAllowed,
  sessionPolicy: productType.sessionPolicy ?? null,
  topUpPolicy: productType.topUpPolicy ?? null,
  counter: productType.counter ?? null,
  ...permitScopeOf(productType, validZoneCodes),
  applicants: applicantRulesOf(productType.eligibility),
});

/** A product's vehicle rules and zones as stored: absent eligibility keys read as their defaults. */
export const permitScopeOf = (
  productType: ProductType,
  validZoneCodes: readonly string[],
): PermitScopeSettings => ({
  vehicleSizeLimits: productType.eligibility.vehicleSizeLimits ?? null,
  foreignPlates: productType.eligibility.foreignPlates ?? 'review',
  maxListedPlates: productType.maxListedPlates ?? null,
  validIn: productType.validIn,
  validZoneCodes: [...validZoneCodes],
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

  /** The codes of the zones a product lists (docs/rules.md §1 care permit), in code order. */
  async validZoneCodes(productTypeId: string): Promise<string[]> {
    const rows = await this.em.find(
      ProductTypeZone,
      { productType: productTypeId },
      { populate: ['zone'], orderBy: { zone: { code: 'asc' } } },
    );
    return rows.map((row) => row.zone.code);
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
    const counter =
      input.counter === undefined
        ? productType.counter
        : counterFrom(input.counter, productType.counter?.alwaysReviewed === true);
    if (input.counter) problems.push(...validateCounterSettings(counter));
    const storedCodes = await this.validZoneCodes(productType.id);
    const townZones = await this.em.find(
      Zone,
      { municipality: town },
      { orderBy: { code: 'asc' } },
    );
    const scope = scopeFrom(input, permitScopeOf(productType, storedCodes));
    problems.push(
      ...validatePermitScope(scope, {
        listsPlates: productType.kind === 'flexibleBusinessPermit',
        zonesSettable: plateRightKinds.includes(productType.kind),
        zoneCodes: townZones.map((zone) => zone.code),
      }),
    );
    const applicants = applicantsFrom(input.applicants, productType);
    problems.push(
      ...validateApplicantRules(applicants, { onePerAddress: productType.onePerAddress }),
    );
    refuseProblems(problems);

    const before = productSettingsOf(productType, storedCodes);
    productType.name = { nl: input.nameNl.trim(), en: input.nameEn.trim() };
    productType.delegationAllowed = input.delegationAllowed;
    productType.sessionPolicy = sessionPolicy;
    productType.topUpPolicy = (input.topUpPolicy as unknown as TopUpPolicy | null) ?? null;
    productType.counter = counter ?? null;
    // Absent size limits mean the common line (docs/rules.md §2), so none are stored for it.
    // docs/rules.md §2 who may apply: the counter's eligibility reads these from now on.
    const eligibility = {
      ...productType.eligibility,
      ...applicants,
      foreignPlates: scope.foreignPlates,
    };
    if (scope.vehicleSizeLimits) eligibility.vehicleSizeLimits = scope.vehicleSizeLimits;
    else delete eligibility.vehicleSizeLimits;
    productType.eligibility = eligibility;
    productType.maxListedPlates = scope.maxListedPlates;
    productType.validIn = scope.validIn;
    await this.listZones(productType, townZones, scope.validZoneCodes);
    recordChange(this.em, this.actor, {
      action: 'productType.settings.set',
      subjectType: 'productType',
      subjectId: productType.id,
      subjectLabel: productType.code,
      municipalityId: town,
      before,
      after: productSettingsOf(productType, scope.validZoneCodes),
    });
    await this.em.flush();
    return productType;
  }

  /** The product's zone rows become the listed zones: rows for others go, new ones come. */
  private async listZones(
    productType: ProductType,
    townZones: readonly Zone[],
    codes: readonly string[],
  ): Promise<void> {
    const rows = await this.em.find(ProductTypeZone, { productType: productType.id });
    const wanted = townZones.filter((zone) => codes.includes(zone.code));
    for (const row of rows) {
      if (!wanted.some((zone) => zone.id === row.zone.id)) this.em.remove(row);
    }
    for (const zone of wanted) {
      if (!rows.some((row) => row.zone.id === zone.id)) {
        this.em.create(ProductTypeZone, { productType, zone });
      }
    }
  }
}

/**
 * The input's vehicle rules and zones over the stored ones: a field left out (or null where null
 * means nothing) keeps what is stored; a list of zones only stays while the product lists zones.
 */
function scopeFrom(input: ProductSettingsInput, stored: PermitScopeSettings): PermitScopeSettings {
  const validIn = (input.validIn ?? stored.validIn) as ZoneValidity;
  return {
    vehicleSizeLimits:
      input.vehicleSizeLimits === undefined
        ? stored.vehicleSizeLimits
        : input.vehicleSizeLimits && {
            maxMassKg: input.vehicleSizeLimits.maxMassKg,
            maxLengthCm: input.vehicleSizeLimits.maxLengthCm,
          },
    foreignPlates: (input.foreignPlates ?? stored.foreignPlates) as ForeignPlatePolicy,
    maxListedPlates:
      input.maxListedPlates === undefined ? stored.maxListedPlates : input.maxListedPlates,
    validIn,
    validZoneCodes: (
      input.validZoneCodes ?? (validIn === 'listedZones' ? stored.validZoneCodes : [])
    ).map((code) => code.trim()),
  };
}

/** The input's applicant rules, or the stored ones when left out (an older form). */
function applicantsFrom(
  input: ApplicantRulesInput | null | undefined,
  productType: ProductType,
): ApplicantRules {
  if (!input) return applicantRulesOf(productType.eligibility);
  return {
    holderTypes: [...input.holderTypes] as ApplicantRules['holderTypes'],
    maxPerAddress: input.maxPerAddress ?? null,
    maxPerBusiness: input.maxPerBusiness ?? null,
    maxPerEstablishment: input.maxPerEstablishment ?? null,
  };
}

/** The input as the domain's plain settings (the GraphQL classes carry no behaviour). */
function counterFrom(
  input: CounterSettingsInput | null,
  storedAlwaysReviewed: boolean,
): CounterSettings | null {
  if (!input) return null;
  // Left out (a form that does not show it): kept as stored; null or false: off.
  const { alwaysReviewed = storedAlwaysReviewed, ...rest } = input;
  return {
    ...rest,
    ...(alwaysReviewed ? { alwaysReviewed: true } : {}),
    documents: input.documents.map((document) => ({
      code: document.code.trim(),
      name: { nl: document.name.nl.trim(), en: document.name.en.trim() },
      when: document.when ?? null,
    })),
    reviewCases: [...input.reviewCases],
  } as unknown as CounterSettings;
}

function nameProblems(name: string, path: string): SettingProblem[] {
  if (!name.trim()) return [{ code: 'SETTING_REQUIRED', path }];
  if (name.trim().length > maxNameLength) {
    return [{ code: 'SETTING_TOO_LONG', path, params: { max: maxNameLength } }];
  }
  return [];
}
