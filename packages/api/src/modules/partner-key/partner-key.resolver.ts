import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, type Context } from '../../graphql/context.js';
import type { MachineKeyScope } from '../../graphql/scope-gate.js';
import type { PartnerKey } from '../../model/partner-key.entity.js';
import { budgetLimitsOf } from './partner-key-budget.js';
import { partnerKeyPrefix } from './partner-key-secret.js';
import { PartnerKeyService, type IssuedPartnerKey } from './partner-key.service.js';
import {
  CreatePartnerKeyInput,
  IssuedPartnerKeyDto,
  PartnerKeyBudgetInput,
  PartnerKeyDto,
} from './partner-key.types.js';

function toPartnerKey(
  key: PartnerKey,
  usage: { requestsToday: number; requestsLast7Days: number },
): PartnerKeyDto {
  const budgets = budgetLimitsOf({
    keyId: key.id,
    municipalityId: key.municipality.id,
    timeZone: '',
    requestsPerMinute: key.requestsPerMinute ?? null,
    costPerMinute: key.costPerMinute ?? null,
  });
  return Object.assign(new PartnerKeyDto(), {
    id: key.id,
    partnerName: key.partnerName,
    label: key.label,
    scopes: key.scopes as MachineKeyScope[],
    keyPrefix: `${partnerKeyPrefix}${key.id.replaceAll('-', '')}_`,
    createdAt: key.createdAt,
    rotatedAt: key.rotatedAt ?? null,
    previousSecretExpiresAt: key.previousSecretExpiresAt ?? null,
    revokedAt: key.revokedAt ?? null,
    lastUsedAt: key.lastUsedAt ?? null,
    requestsToday: usage.requestsToday,
    requestsLast7Days: usage.requestsLast7Days,
    requestsPerMinute: budgets.requests,
    costPerMinute: budgets.cost,
    ownBudget: key.requestsPerMinute != null || key.costPerMinute != null,
  });
}

const toIssued = ({ key, secret, ...usage }: IssuedPartnerKey): IssuedPartnerKeyDto =>
  Object.assign(new IssuedPartnerKeyDto(), { partnerKey: toPartnerKey(key, usage), secret });

/** A town admin's machine keys for partners (docs/graphql.md, "Machine keys"). */
@Resolver()
export class PartnerKeyResolver {
  private service(ctx: Context): PartnerKeyService {
    return new PartnerKeyService(ctx.em, actorOf(ctx), ctx.pubSub);
  }

  @Authorized('municipalAdmin')
  @Query(() => [PartnerKeyDto], {
    description:
      "The machine keys of the admin's town, newest first, revoked ones included, with their use.",
  })
  async partnerKeys(@Ctx() ctx: Context): Promise<PartnerKeyDto[]> {
    const listed = await this.service(ctx).list();
    return listed.map(({ key, ...usage }) => toPartnerKey(key, usage));
  }

  @Authorized('municipalAdmin')
  @Mutation(() => IssuedPartnerKeyDto, {
    description:
      "Makes a machine key for a partner in the admin's town and answers its secret, this once. Invalid input is SETTINGS_INVALID with a problem per field.",
  })
  async createPartnerKey(
    @Arg('input', () => CreatePartnerKeyInput, { description: 'The new key.' })
    input: CreatePartnerKeyInput,
    @Ctx() ctx: Context,
  ): Promise<IssuedPartnerKeyDto> {
    return toIssued(await this.service(ctx).create(input));
  }

  @Authorized('municipalAdmin')
  @Mutation(() => IssuedPartnerKeyDto, {
    description:
      'Gives a key a new secret, answered this once; the old secret keeps working for overlapHours more. A revoked key is PARTNER_KEY_REVOKED.',
  })
  async rotatePartnerKey(
    @Arg('id', () => ID, { description: 'The key.' }) id: string,
    @Arg('overlapHours', () => Int, {
      description:
        'Hours the old secret keeps working, 0 (it stops at once) to 168; outside that SETTINGS_INVALID.',
    })
    overlapHours: number,
    @Ctx() ctx: Context,
  ): Promise<IssuedPartnerKeyDto> {
    return toIssued(await this.service(ctx).rotate(id, overlapHours));
  }

  @Authorized('municipalAdmin')
  @Mutation(() => PartnerKeyDto, {
    description:
      'Ends a key at once, on every instance: a request with it is UNAUTHENTICATED, as with an unknown key. Revoking it again changes nothing.',
  })
  async revokePartnerKey(
    @Arg('id', () => ID, { description: 'The key.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<PartnerKeyDto> {
    const { key, ...usage } = await this.service(ctx).revoke(id);
    return toPartnerKey(key, usage);
  }

  @Authorized('municipalAdmin')
  @Mutation(() => PartnerKeyDto, {
    description:
      "Sets a key's own budgets per minute (null: the platform's default); out of range is SETTINGS_INVALID.",
  })
  async setPartnerKeyBudget(
    @Arg('id', () => ID, { description: 'The key.' }) id: string,
    @Arg('input', () => PartnerKeyBudgetInput, { description: 'The budgets.' })
    input: PartnerKeyBudgetInput,
    @Ctx() ctx: Context,
  ): Promise<PartnerKeyDto> {
    const { key, ...usage } = await this.service(ctx).setBudget(id, input);
    return toPartnerKey(key, usage);
  }
}
