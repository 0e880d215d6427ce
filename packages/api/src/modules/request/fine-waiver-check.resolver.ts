import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { fineCheckLoader } from '../enforcement/fine-check.loader.js';
import { toFineCheck } from '../enforcement/enforcement.mapper.js';
import { FineCheck } from '../enforcement/enforcement.types.js';
import { FineWaiverDto } from './request.types.js';

/** What the official deciding a goodwill waiver sees of the fine's check (docs/rules.md §9). */
@Resolver(() => FineWaiverDto)
export class FineWaiverCheckResolver {
  @FieldResolver(() => FineCheck, {
    nullable: true,
    description:
      "The officer's check the fine was recorded against, when its number is known in the town: when and where, the answer, an outage over it.",
  })
  async fineCheck(@Root() waiver: FineWaiverDto, @Ctx() ctx: Context): Promise<FineCheck | null> {
    // The waiver was read through its town's check; the check it points to is in that town.
    if (!waiver.fineCheckId) return null;
    const view = await fineCheckLoader(ctx).load(waiver.fineCheckId);
    return view ? toFineCheck(view) : null;
  }
}
