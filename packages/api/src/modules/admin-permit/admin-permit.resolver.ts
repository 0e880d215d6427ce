import type { RefundOccasion } from '@parkeer/domain/balance/top-up-policy';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { defaultPageSize, mapConnection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { toTransactionDto } from '../history/history.mapper.js';
import { TransactionConnection } from '../history/history.types.js';
import { LivePublisher } from '../session/live-publisher.js';
import type { Permit } from '../../model/permit.entity.js';
import { details } from './admin-permit-details.js';
import { ledgerOf, searchPermits } from './admin-permit-search.js';
import { toAdminPermitDto } from './admin-permit.mapper.js';
import { AdminPermitService } from './admin-permit.service.js';
import {
  AdminPermitConnection,
  AdminPermitDetailsDto,
  IssuedPermitDto,
  IssuePermitInput,
  PermitRevocationDto,
  RefundOccasionEnum,
} from './admin-permit.types.js';
import { issuePermit } from './permit-issue.js';
import { adminWorkOf } from '../admin/admin-scope.js';
import { Topic } from '../../graphql/pubsub.js';
import { requestNewPinByAdmin } from '../registration/new-pin-request.js';

/** The service of one call: what each change did reaches subscribers after its commit. */
const serviceFor = (ctx: Context) =>
  new AdminPermitService(adminWorkOf(ctx), new LivePublisher(ctx.pubSub).sink);

/** The back office's permits (issue 6): a municipal admin sees and changes its own town's only. */
@Resolver(() => AdminPermitDetailsDto)
export class AdminPermitResolver {
  @Authorized('municipalAdmin')
  @Query(() => AdminPermitConnection, {
    description:
      "The town's permits by product code, (part of a) plate, address or holder e-mail, newest first.",
  })
  async adminPermits(
    @Arg('search', () => String, {
      description:
        "A product code, (part of) a plate, an address or (part of) the holder's e-mail address.",
    })
    search: string,
    @Arg('first', () => Int, { description: 'Page size, 1 to 50.', defaultValue: 20 })
    first: number,
    @Arg('after', () => String, {
      description: "The previous page's pageInfo.endCursor; left out: the first page.",
      nullable: true,
    })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<AdminPermitConnection> {
    const connection = await searchPermits(adminWorkOf(ctx), search, { first, after });
    return Object.assign(
      new AdminPermitConnection(),
      mapConnection(connection, (permit: Permit) => toAdminPermitDto(permit, ctx.language)),
    );
  }

  @Authorized('municipalAdmin')
  @Query(() => AdminPermitDetailsDto, { description: 'One permit of the town, with its ledger.' })
  adminPermit(
    @Arg('id', () => ID, { description: "The permit; another town's is NOT_FOUND." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<AdminPermitDetailsDto> {
    return details(adminWorkOf(ctx), id, ctx.em);
  }

  @FieldResolver(() => TransactionConnection, {
    description: "The permit's balance changes, newest first.",
  })
  async ledger(
    @Root() permit: AdminPermitDetailsDto,
    @Arg('first', () => Int, { description: 'Page size, 1 to 50.', defaultValue: defaultPageSize })
    first: number,
    @Arg('after', () => String, {
      description: "The previous page's pageInfo.endCursor; left out: the first page.",
      nullable: true,
    })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<TransactionConnection> {
    // The parent was read through the town check; its id is the admin's own town's.
    const connection = await ledgerOf(ctx.em, permit.id, { first, after });
    return Object.assign(
      new TransactionConnection(),
      mapConnection(connection, (entry) => toTransactionDto(entry, permit.unit)),
    );
  }

  @Authorized('municipalAdmin')
  @Mutation(() => AdminPermitDetailsDto, {
    description: 'Blocks a permit: no sessions, no right; its open sessions end now.',
  })
  async blockPermit(
    @Arg('id', () => ID, {
      description: "The permit (AdminPermit.id); another town's is NOT_FOUND.",
    })
    id: string,
    @Arg('reason', () => String, { description: 'Why, for the audit log and the holder.' })
    reason: string,
    @Ctx() ctx: Context,
  ): Promise<AdminPermitDetailsDto> {
    await serviceFor(ctx).block(id, reason);
    return details(adminWorkOf(ctx), id);
  }

  @Authorized('municipalAdmin')
  @Mutation(() => AdminPermitDetailsDto, {
    description:
      "Sends a visitor permit of the town a new PIN by letter (to its holder's e-mail); the old PIN stops working. One a day per permit.",
  })
  async requestNewPinLetterForPermit(
    @Arg('id', () => ID, {
      description: "The visitor permit (AdminPermit.id); another town's is NOT_FOUND.",
    })
    id: string,
    @Ctx() ctx: Context,
  ): Promise<AdminPermitDetailsDto> {
    const permitId = await requestNewPinByAdmin(adminWorkOf(ctx), id);
    ctx.pubSub.publish(Topic.AccessEvents, permitId, { kind: 'allLoginsEnded', except: null });
    return details(adminWorkOf(ctx), id);
  }

  @Authorized('municipalAdmin')
  @Mutation(() => AdminPermitDetailsDto, { description: 'Makes a blocked permit active again.' })
  async unblockPermit(
    @Arg('id', () => ID, { description: 'The blocked permit (AdminPermit.id).' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<AdminPermitDetailsDto> {
    await serviceFor(ctx).unblock(id);
    return details(adminWorkOf(ctx), id);
  }

  @Authorized('municipalAdmin')
  @Mutation(() => PermitRevocationDto, {
    description:
      'Revokes a permit for good, refunding the unused purchase where the policy owes it on this occasion.',
  })
  async revokePermit(
    @Arg('id', () => ID, { description: 'The permit (AdminPermit.id).' }) id: string,
    @Arg('occasion', () => RefundOccasionEnum, {
      description: 'Why it ends: decides whether unused balance is refunded.',
    })
    occasion: RefundOccasion,
    @Ctx() ctx: Context,
  ): Promise<PermitRevocationDto> {
    const revocation = await serviceFor(ctx).revoke(id, occasion);
    return Object.assign(new PermitRevocationDto(), {
      permit: await details(adminWorkOf(ctx), id),
      refundCents: revocation.refundCents,
      refundedAmount: revocation.refundedAmount,
      refundRefusal: revocation.refundRefusal,
      endedSessions: revocation.endedSessions.length,
    });
  }

  @Authorized('municipalAdmin')
  @Mutation(() => AdminPermitDetailsDto, {
    description: "Replaces the permit's active plate (docs/rules.md §1: change of plate).",
  })
  async changePermitPlate(
    @Arg('id', () => ID, { description: 'The permit (AdminPermit.id).' }) id: string,
    @Arg('plate', () => String, { description: 'The new plate, with or without dashes.' })
    plate: string,
    @Arg('country', () => String, {
      description: 'ISO 3166-1 alpha-2 country of the plate; NL when left out.',
      nullable: true,
    })
    country: string | null,
    @Ctx() ctx: Context,
  ): Promise<AdminPermitDetailsDto> {
    await serviceFor(ctx).changePlate(id, plate, country);
    return details(adminWorkOf(ctx), id);
  }

  @Authorized('municipalAdmin')
  @Mutation(() => IssuedPermitDto, {
    description:
      'Issues a permit to an address and mails the link that couples it (docs/rules.md §6).',
  })
  async issuePermit(
    @Arg('input', () => IssuePermitInput, { description: 'The permit to issue.' })
    input: IssuePermitInput,
    @Ctx() ctx: Context,
  ): Promise<IssuedPermitDto> {
    const issued = await issuePermit(adminWorkOf(ctx), input);
    return Object.assign(new IssuedPermitDto(), {
      permit: await details(adminWorkOf(ctx), issued.permit.id),
      productCode: issued.productCode,
      pin: issued.pin,
    });
  }
}
