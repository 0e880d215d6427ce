import { eitherName, useName } from '../../graphql/renamed-argument.js';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { answerOnce } from '../idempotency/answer-once.js';
import { keyedCall } from '../idempotency/keyed-call.js';
import { LivePublisher } from '../session/live-publisher.js';
import {
  toSessionAccepted,
  toSessionDto,
  toSessionQuote,
  toSessionRefused,
} from '../session/session.mapper.js';
import { SessionResult } from '../session/session.types.js';
import { toFlexPermitDto, toFlexPlateDto, toFlexRefused } from './flex.mapper.js';
import { FlexService } from './flex.service.js';
import {
  AddFlexPlateInput,
  FlexPermitDto,
  FlexPlateDto,
  RegisterFlexPlateInput,
  RenameFlexPlateInput,
} from './flex.types.js';

/** The service for one call; registrations reach the session subscribers after each commit. */
const serviceFor = (ctx: Context) =>
  new FlexService(ctx.em, ctx.viewer!, ctx.now, new LivePublisher(ctx.pubSub).sink);

/**
 * The flexible business permit (docs/rules.md §5): the business (and a partner with its token)
 * manages the list and registers; an admin of the town reads.
 */
@Resolver()
export class FlexResolver {
  @Authorized('business', 'municipalAdmin')
  @Query(() => FlexPermitDto, {
    description: "A flexible business permit's list of plates and today's registration.",
  })
  async flexPermit(
    @Arg('id', () => ID, {
      nullable: true,
      description: 'The flexible business permit; required (or, deprecated, permitId).',
    })
    id: string | null,
    @Arg('permitId', () => ID, {
      nullable: true,
      description: 'The flexible business permit.',
      deprecationReason: useName('id'),
    })
    permitId: string | null,
    @Ctx() ctx: Context,
  ): Promise<FlexPermitDto> {
    const overview = await serviceFor(ctx).overview(eitherName(id, permitId));
    return toFlexPermitDto(overview, ctx.viewer!.accountId, ctx.now);
  }

  @Authorized('business')
  @Mutation(() => FlexPlateDto, {
    description: "Adds a named plate to the permit's list, within the town's maximum.",
  })
  async addFlexPlate(
    @Arg('input', () => AddFlexPlateInput, {
      description: "The permit, the plate, its driver's name and role.",
    })
    input: AddFlexPlateInput,
    @Ctx() ctx: Context,
  ): Promise<FlexPlateDto> {
    return toFlexPlateDto(await serviceFor(ctx).addPlate(input), false);
  }

  @Authorized('business')
  @Mutation(() => FlexPlateDto, { description: 'Renames a listed plate.' })
  async renameFlexPlate(
    @Arg('input', () => RenameFlexPlateInput, {
      description: 'The permit, the list entry and its new name.',
    })
    input: RenameFlexPlateInput,
    @Ctx() ctx: Context,
  ): Promise<FlexPlateDto> {
    const plateId = eitherName(input.id, input.plateId);
    const entry = await serviceFor(ctx).renamePlate(input.permitId, plateId, input.name);
    return toFlexPlateDto(entry, false);
  }

  @Authorized('business')
  @Mutation(() => FlexPermitDto, {
    description: "Takes a plate off the list; today's registration of it runs on to its end.",
  })
  async removeFlexPlate(
    @Arg('permitId', () => ID, { description: 'The flexible business permit.' }) permitId: string,
    @Arg('id', () => ID, {
      nullable: true,
      description: 'The list entry (FlexPlate.id); required (or, deprecated, plateId).',
    })
    id: string | null,
    @Arg('plateId', () => ID, {
      nullable: true,
      description: 'The list entry.',
      deprecationReason: useName('id'),
    })
    plateId: string | null,
    @Ctx() ctx: Context,
  ): Promise<FlexPermitDto> {
    const service = serviceFor(ctx);
    await service.removePlate(permitId, eitherName(id, plateId));
    return toFlexPermitDto(await service.overview(permitId), ctx.viewer!.accountId, ctx.now);
  }

  @Authorized('business')
  @Mutation(() => SessionResult, {
    description:
      "Registers a listed plate for today, until the zone's paid hours end; another plate's registration stops (one plate at a time). Refused with a FLEX_* or SESSION_* reason.",
  })
  async registerFlexPlate(
    @Arg('input', () => RegisterFlexPlateInput, {
      description: 'The permit, the plate and the key.',
    })
    input: RegisterFlexPlateInput,
    @Ctx() ctx: Context,
  ): Promise<typeof SessionResult> {
    const answer = await answerOnce(keyedCall(ctx, 'registerFlexPlate', input), () =>
      serviceFor(ctx).register(input.permitId, input.plate),
    );
    const outcome = answer.value;
    if (!outcome.ok) {
      return 'flex' in outcome
        ? toFlexRefused(outcome.flex, ctx.language)
        : toSessionRefused(outcome.decision, outcome.unit, 'NL', ctx.language);
    }
    const session = toSessionDto(
      outcome.session,
      outcome.unit,
      ctx.viewer!.accountId,
      answer.answeredAt,
    );
    const quote = outcome.decision
      ? toSessionQuote(outcome.decision, outcome.unit, outcome.session.country)
      : null;
    return toSessionAccepted(session, quote);
  }

  @Authorized('business')
  @Mutation(() => FlexPermitDto, {
    description: "Stops today's registration now (a planned one is taken back).",
  })
  async stopFlexRegistration(
    @Arg('permitId', () => ID, { description: 'The flexible business permit.' }) permitId: string,
    @Ctx() ctx: Context,
  ): Promise<FlexPermitDto> {
    const service = serviceFor(ctx);
    await service.stop(permitId);
    return toFlexPermitDto(await service.overview(permitId), ctx.viewer!.accountId, ctx.now);
  }
}
