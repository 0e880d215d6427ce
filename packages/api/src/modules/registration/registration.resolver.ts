import { requiredPermitId, useIdOfPermit } from '../../graphql/permit-id.js';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { loginLifetime } from '@parkeer/shared/login-lifetime';
import type { Context } from '../../graphql/context.js';
import { Topic } from '../../graphql/pubsub.js';
import { Permit } from '../../model/permit.entity.js';
import { AuthService } from '../auth/auth.service.js';
import { RegistrationService, registrationNumberOf } from './registration.service.js';
import { requestNewPinByRegistration, requestNewPinForHolder } from './new-pin-request.js';
import {
  ChangePinInput,
  RegistrationLoginDto,
  RegistrationLoginInput,
} from './registration.types.js';

const idleMinutes = loginLifetime.registration.idle / 60_000;

const toDto = (permit: Permit) =>
  Object.assign(new RegistrationLoginDto(), {
    permitId: permit.id,
    productId: permit.id,
    registrationNumber: registrationNumberOf(permit),
    idleMinutes,
  });

/** docs/rules.md §6, "Sign-in with registration number and PIN". */
@Resolver()
export class RegistrationResolver {
  @Query(() => RegistrationLoginDto, {
    nullable: true,
    description: 'The registration number + PIN login of this request, or null for any other.',
  })
  async registrationLogin(@Ctx() { em, viewer }: Context): Promise<RegistrationLoginDto | null> {
    if (!viewer?.permitOnly) return null;
    return toDto(await em.findOneOrFail(Permit, { id: viewer.permitOnly }));
  }

  @Mutation(() => RegistrationLoginDto, {
    description:
      "Signs in with a visitor permit's registration number and PIN: a session cookie for that one permit, no account.",
  })
  async loginWithRegistration(
    @Arg('input', () => RegistrationLoginInput, {
      description: 'The registration number and PIN from the letter.',
    })
    input: RegistrationLoginInput,
    @Ctx() ctx: Context,
  ): Promise<RegistrationLoginDto> {
    const { token, permit } = await new RegistrationService(
      ctx.em,
      ctx.now,
      ctx.clientAddress,
    ).login(input.registrationNumber, input.pin, ctx.language);
    // A login already in this browser ends: one cookie, one login.
    if (ctx.viewer) {
      await new AuthService(ctx.em).logout(ctx.viewer.authSessionId);
      ctx.pubSub.publish(Topic.AccessEvents, ctx.viewer.accountId, {
        kind: 'loginEnded',
        authSessionId: ctx.viewer.authSessionId,
      });
    }
    // A browser-session cookie: the server ends the login after its short idle time anyway.
    ctx.http.setSessionCookie(token, null);
    return toDto(permit);
  }

  @Authorized('resident', 'business')
  @Mutation(() => Boolean, {
    description:
      "Changes a visitor permit's PIN: needs the current one. The holder's login or the permit's registration number + PIN login.",
  })
  async changePin(
    @Arg('input', () => ChangePinInput, {
      description: 'The permit, the current PIN and the new one.',
    })
    input: ChangePinInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    const permit = await new RegistrationService(ctx.em, ctx.now, ctx.clientAddress).changePin(
      ctx.viewer!,
      requiredPermitId(input),
      input.currentPin,
      input.newPin,
    );
    // The registration logins it ended stop their subscriptions too.
    ctx.pubSub.publish(Topic.AccessEvents, permit.id, {
      kind: 'allLoginsEnded',
      except: ctx.viewer!.authSessionId,
    });
    return true;
  }

  @Authorized('resident', 'business')
  @Mutation(() => Boolean, {
    description:
      "Sends the holder's visitor permit a new PIN by letter (to the holder's e-mail); the old PIN stops working. One a day per permit.",
  })
  async requestNewPinLetter(
    @Arg('permitId', () => ID, {
      nullable: true,
      description:
        "The holder's visitor permit (Product.id). Required (or, deprecated, productId).",
    })
    permitId: string | null,
    @Arg('productId', () => ID, {
      nullable: true,
      description: "The holder's visitor permit (Product.id).",
      deprecationReason: useIdOfPermit,
    })
    productId: string | null,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    const asked = requiredPermitId({ permitId, productId });
    const letterPermitId = await requestNewPinForHolder(ctx.em, ctx.now, ctx.viewer!, asked);
    ctx.pubSub.publish(Topic.AccessEvents, letterPermitId, {
      kind: 'allLoginsEnded',
      except: null,
    });
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'The sign-in page\'s "forgot PIN": a new PIN by letter for a registration number. Answers true whether or not the number exists.',
  })
  async requestNewPinByRegistration(
    @Arg('registrationNumber', () => String, {
      description: 'The registration number as the letter prints it.',
    })
    registrationNumber: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    const permitId = await requestNewPinByRegistration(
      ctx.em,
      ctx.now,
      registrationNumber,
      ctx.clientAddress,
    );
    if (permitId) {
      ctx.pubSub.publish(Topic.AccessEvents, permitId, { kind: 'allLoginsEnded', except: null });
    }
    return true;
  }
}
