import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, type Context } from '../../graphql/context.js';
import { MunicipalityAdminService } from './municipality-admin.service.js';
import {
  AdminMunicipality,
  MunicipalityInput,
  ResidenceCheckEnum,
  RetentionInput,
} from './municipality-admin.types.js';
import type { Municipality, ResidenceCheck } from '../../model/municipality.entity.js';

const toAdminMunicipality = (town: Municipality): AdminMunicipality =>
  Object.assign(new AdminMunicipality(), {
    id: town.id,
    code: town.code,
    name: town.name,
    timeZone: town.timeZone,
    retention: {
      kind: town.retention.kind,
      amount: town.retention.kind === 'hoursAfterEnd' ? town.retention.hours : town.retention.weeks,
    },
    administrationFeeCents: town.administrationFeeCents,
    residenceCheck: town.residenceCheck,
    objectionPeriodDays: town.objectionPeriodDays,
    registrationLoginTopUps: town.registrationLoginTopUps,
  });

@Resolver()
export class MunicipalityAdminResolver {
  @Authorized('municipalAdmin')
  @Query(() => AdminMunicipality, {
    description: 'The settings of the municipality the admin manages.',
  })
  async municipalitySettings(@Ctx() ctx: Context): Promise<AdminMunicipality> {
    return toAdminMunicipality(await new MunicipalityAdminService(ctx.em, actorOf(ctx)).ownTown());
  }

  @Authorized('municipalAdmin')
  @Mutation(() => AdminMunicipality, {
    description: 'How long plates of ended sessions are kept before they are anonymised.',
  })
  async setRetention(
    @Arg('input', () => RetentionInput, { description: 'The kind and amount.' })
    input: RetentionInput,
    @Ctx() ctx: Context,
  ): Promise<AdminMunicipality> {
    return toAdminMunicipality(
      await new MunicipalityAdminService(ctx.em, actorOf(ctx)).setRetention(input),
    );
  }

  @Authorized('municipalAdmin')
  @Mutation(() => AdminMunicipality, {
    description:
      'The administration fee (leges) added to each product bought at the permit counter, in euro cents (0: none). Applications already made keep the fee they were quoted.',
  })
  async setAdministrationFee(
    @Arg('administrationFeeCents', () => Int, { description: 'Euro cents, 0 to 100000.' })
    administrationFeeCents: number,
    @Ctx() ctx: Context,
  ): Promise<AdminMunicipality> {
    return toAdminMunicipality(
      await new MunicipalityAdminService(ctx.em, actorOf(ctx)).setAdministrationFee(
        administrationFeeCents,
      ),
    );
  }

  @Authorized('municipalAdmin')
  @Mutation(() => AdminMunicipality, {
    description:
      "How many days a fined session's plate data is kept for an objection (docs/rules.md §9 fines), 7 to 365. Fines already recorded keep their date.",
  })
  async setObjectionPeriod(
    @Arg('objectionPeriodDays', () => Int, { description: 'Whole days, 7 to 365.' })
    objectionPeriodDays: number,
    @Ctx() ctx: Context,
  ): Promise<AdminMunicipality> {
    return toAdminMunicipality(
      await new MunicipalityAdminService(ctx.em, actorOf(ctx)).setObjectionPeriod(
        objectionPeriodDays,
      ),
    );
  }

  @Authorized('municipalAdmin')
  @Mutation(() => AdminMunicipality, {
    description:
      "Whether the permit counter checks a resident's address with the population register (BRP) and follows holders' moves from it (docs/rules.md §2 registered address).",
  })
  async setResidenceCheck(
    @Arg('residenceCheck', () => ResidenceCheckEnum, { description: 'register or none.' })
    residenceCheck: ResidenceCheck,
    @Ctx() ctx: Context,
  ): Promise<AdminMunicipality> {
    return toAdminMunicipality(
      await new MunicipalityAdminService(ctx.em, actorOf(ctx)).setResidenceCheck(residenceCheck),
    );
  }

  @Authorized('municipalAdmin')
  @Mutation(() => AdminMunicipality, {
    description:
      "Whether a visitor permit's registration number + PIN login may top up its permit (docs/rules.md §6, Sign-in with registration number and PIN).",
  })
  async setRegistrationLoginTopUps(
    @Arg('allowed', () => Boolean, {
      description: 'True: allowed; false: refused with TOP_UP_NOT_WITH_REGISTRATION_LOGIN.',
    })
    allowed: boolean,
    @Ctx() ctx: Context,
  ): Promise<AdminMunicipality> {
    return toAdminMunicipality(
      await new MunicipalityAdminService(ctx.em, actorOf(ctx)).setRegistrationLoginTopUps(allowed),
    );
  }

  @Authorized('platformAdmin')
  @Query(() => [AdminMunicipality], { description: 'Every municipality on the platform.' })
  async municipalities(@Ctx() ctx: Context): Promise<AdminMunicipality[]> {
    return (await new MunicipalityAdminService(ctx.em, actorOf(ctx)).all()).map(
      toAdminMunicipality,
    );
  }

  @Authorized('platformAdmin')
  @Mutation(() => AdminMunicipality, { description: 'A new municipality on the platform.' })
  async createMunicipality(
    @Arg('input', () => MunicipalityInput, { description: 'Its code, name and retention.' })
    input: MunicipalityInput,
    @Ctx() ctx: Context,
  ): Promise<AdminMunicipality> {
    return toAdminMunicipality(
      await new MunicipalityAdminService(ctx.em, actorOf(ctx)).create(input),
    );
  }
}
