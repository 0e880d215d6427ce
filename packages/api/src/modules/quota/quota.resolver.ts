import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { adminWorkOf } from '../admin/admin-scope.js';
import type { Language } from '@parkeer/shared/language';
import { QuotaAdminService, type QuotaView, type WaitingListEntryView } from './quota.service.js';
import {
  SetQuotaInput,
  WaitingListEntryDto,
  ZoneQuotaDto,
  type WaitingListStatus,
} from './quota.types.js';
import { placesTaken } from '@parkeer/domain/quota/quota';

const toQuotaDto = ({ quota, held, waiting }: QuotaView, language: Language): ZoneQuotaDto =>
  Object.assign(new ZoneQuotaDto(), {
    id: quota.id,
    zoneId: quota.zone.id,
    zoneCode: quota.zone.code,
    productTypeId: quota.productType.id,
    productTypeCode: quota.productType.code,
    productName: quota.productType.name[language],
    limit: quota.limit,
    offerDays: quota.offerDays,
    permits: held.permits,
    offers: held.offers,
    applications: held.applications,
    taken: placesTaken(held),
    waiting,
  });

const toEntryDto = ({ application, position }: WaitingListEntryView): WaitingListEntryDto =>
  Object.assign(new WaitingListEntryDto(), {
    applicationId: application.id,
    position,
    status: application.status as WaitingListStatus,
    addressLabel: application.addressLabel,
    joinedAt: application.createdAt,
    offerExpiresAt: application.offerExpiresAt ?? null,
  });

/**
 * Quotas and waiting lists in the back office (docs/rules.md §2 quotas): the town's quotas,
 * a list with positions and offers, and an official's changes to it, each audited.
 */
@Resolver()
export class QuotaResolver {
  @Authorized('municipalAdmin')
  @Query(() => [ZoneQuotaDto], {
    description: "The town's quotas by zone, each with the places it holds and who waits.",
  })
  async adminQuotas(@Ctx() ctx: Context): Promise<ZoneQuotaDto[]> {
    const views = await new QuotaAdminService(adminWorkOf(ctx)).quotas();
    return views.map((view) => toQuotaDto(view, ctx.language));
  }

  @Authorized('municipalAdmin')
  @Mutation(() => ZoneQuotaDto, {
    nullable: true,
    description:
      'Sets the quota of a permit type in a zone (SETTINGS_INVALID lists every problem), or removes it with limit null (then null). Audited; freed places are offered at once.',
  })
  async setQuota(
    @Arg('input', () => SetQuotaInput, { description: 'The quota.' }) input: SetQuotaInput,
    @Ctx() ctx: Context,
  ): Promise<ZoneQuotaDto | null> {
    const view = await new QuotaAdminService(adminWorkOf(ctx)).setQuota(input);
    return view ? toQuotaDto(view, ctx.language) : null;
  }

  @Authorized('municipalAdmin')
  @Query(() => [WaitingListEntryDto], {
    description: 'The waiting list of a permit type in a zone: open offers first, then in line.',
  })
  async waitingList(
    @Arg('zoneId', () => ID, { description: 'The zone.' }) zoneId: string,
    @Arg('productTypeId', () => ID, { description: 'The permit type.' }) productTypeId: string,
    @Ctx() ctx: Context,
  ): Promise<WaitingListEntryDto[]> {
    const entries = await new QuotaAdminService(adminWorkOf(ctx)).waitingList({
      zoneId,
      productTypeId,
    });
    return entries.map(toEntryDto);
  }

  @Authorized('municipalAdmin')
  @Mutation(() => [WaitingListEntryDto], {
    description: 'Moves a waiting application to a place in line (1 is first); audited.',
  })
  async moveWaitingListEntry(
    @Arg('applicationId', () => ID, { description: 'The application.' }) applicationId: string,
    @Arg('position', () => Int, { description: 'Its new place in line, 1 first.' })
    position: number,
    @Ctx() ctx: Context,
  ): Promise<WaitingListEntryDto[]> {
    const entries = await new QuotaAdminService(adminWorkOf(ctx)).move(applicationId, position);
    return entries.map(toEntryDto);
  }

  @Authorized('municipalAdmin')
  @Mutation(() => [WaitingListEntryDto], {
    description:
      'Takes an application off the waiting list (or withdraws its offer) with a reason: refused, mailed, audited.',
  })
  async removeWaitingListEntry(
    @Arg('applicationId', () => ID, { description: 'The application.' }) applicationId: string,
    @Arg('reason', () => String, { description: "The official's reason, told to the applicant." })
    reason: string,
    @Ctx() ctx: Context,
  ): Promise<WaitingListEntryDto[]> {
    const entries = await new QuotaAdminService(adminWorkOf(ctx)).remove(applicationId, reason);
    return entries.map(toEntryDto);
  }

  @Authorized('municipalAdmin')
  @Mutation(() => [WaitingListEntryDto], {
    description:
      'Offers a place now to a waiting application, wherever it stands; QUOTA_FULL while no place is free. Mailed, audited.',
  })
  async offerWaitingListEntry(
    @Arg('applicationId', () => ID, { description: 'The application.' }) applicationId: string,
    @Ctx() ctx: Context,
  ): Promise<WaitingListEntryDto[]> {
    const entries = await new QuotaAdminService(adminWorkOf(ctx)).offerNow(applicationId);
    return entries.map(toEntryDto);
  }
}
