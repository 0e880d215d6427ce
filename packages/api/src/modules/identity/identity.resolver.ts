import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, type Context } from '../../graphql/context.js';
import { identityKinds, type IdentityKind } from '../../model/identity-provider.entity.js';
import { IdentityLinkService } from './identity-link.service.js';
import { toProviderSettings, toSignInOption } from './identity.mapper.js';
import { IdentityProviderService, offeredSignIns } from './identity-provider.service.js';
import {
  IdentityKindEnum,
  IdentityLinkDto,
  IdentityProviderInput,
  IdentityProviderSettings,
  SignInOption,
} from './identity.types.js';

@Resolver()
export class IdentityResolver {
  @Query(() => [SignInOption], {
    description:
      'The DigiD and eHerkenning logins municipalities offer, for the login page; one town by its code, or all.',
  })
  async signInOptions(
    @Arg('municipality', () => String, {
      description: "A municipality's code, e.g. 'delft'; left out: every town's.",
      nullable: true,
    })
    municipality: string | null,
    @Ctx() ctx: Context,
  ): Promise<SignInOption[]> {
    return (await offeredSignIns(ctx.em, municipality)).map(({ town, kind }) =>
      toSignInOption(town, kind),
    );
  }

  @Authorized('municipalAdmin')
  @Query(() => [IdentityProviderSettings], {
    description: "The town's DigiD and eHerkenning brokers (OpenID Connect), both kinds.",
  })
  async identityProviders(@Ctx() ctx: Context): Promise<IdentityProviderSettings[]> {
    const { town, providers } = await new IdentityProviderService(
      ctx.em,
      actorOf(ctx),
    ).ownProviders();
    return identityKinds.map((kind) => toProviderSettings(town, kind, providers.get(kind) ?? null));
  }

  @Authorized('municipalAdmin')
  @Mutation(() => IdentityProviderSettings, {
    description:
      "Sets the town's broker of a kind: checked as a whole (SETTINGS_INVALID with every problem) and logged in the audit log without the secret.",
  })
  async setIdentityProvider(
    @Arg('input', () => IdentityProviderInput, { description: "The broker's settings." })
    input: IdentityProviderInput,
    @Ctx() ctx: Context,
  ): Promise<IdentityProviderSettings> {
    const { town, provider } = await new IdentityProviderService(ctx.em, actorOf(ctx)).set(input);
    return toProviderSettings(town, provider.kind, provider);
  }

  @Authorized()
  @Query(() => [IdentityLinkDto], {
    description: 'The DigiD or eHerkenning identities this account logs in with.',
  })
  async identityLinks(@Ctx() ctx: Context): Promise<IdentityLinkDto[]> {
    return (await new IdentityLinkService(ctx.em).linksOf(ctx.viewer!)).map((link) =>
      Object.assign(new IdentityLinkDto(), link),
    );
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description:
      'Stops a DigiD or eHerkenning identity logging into this account; refused when it is the only way in.',
  })
  async unlinkIdentity(
    @Arg('kind', () => IdentityKindEnum, { description: 'DigiD or eHerkenning.' })
    kind: IdentityKind,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await new IdentityLinkService(ctx.em).unlink(ctx.viewer!, kind);
    return true;
  }
}
