import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { MeDto } from '../auth/auth.types.js';
import { toMeDto } from '../auth/auth.mapper.js';
import { AccountService } from './account.service.js';
import { UpdateSettingsInput } from './account.types.js';

@Resolver()
export class AccountResolver {
  @Authorized()
  @Mutation(() => MeDto, { description: "Changes the viewer's settings." })
  async updateSettings(
    @Arg('input', () => UpdateSettingsInput, { description: 'The settings to change.' })
    input: UpdateSettingsInput,
    @Ctx() { em, viewer }: Context,
  ): Promise<MeDto> {
    const { account, startPermitId } = await new AccountService(em).updateSettings(viewer!, input);
    return toMeDto(account, viewer!, startPermitId);
  }
}
