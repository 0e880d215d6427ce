import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Topic } from '../../graphql/pubsub.js';
import { PasswordResetService } from './password-reset.service.js';

@Resolver()
export class PasswordResetResolver {
  @Query(() => Boolean, {
    description:
      'True when a reset link can still be used; LINK_INVALID, LINK_EXPIRED or LINK_ALREADY_USED otherwise. Uses nothing up.',
  })
  async passwordResetLink(
    @Arg('token', () => String, { description: 'The token from the reset link.' }) token: string,
    @Ctx() { em, now, clientAddress }: Context,
  ): Promise<boolean> {
    await new PasswordResetService(em).checkLink(token, now, clientAddress);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Mails a link to set a new password when the address has an account. Always true: the answer does not tell whether it has.',
  })
  async requestPasswordReset(
    @Arg('email', () => String, { description: "The account's e-mail address." }) email: string,
    @Ctx() { em, now, clientAddress }: Context,
  ): Promise<boolean> {
    await new PasswordResetService(em).request(email, now, clientAddress);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      "Sets a new password (typed twice) with the link's token; ends the account's other logins.",
  })
  async resetPassword(
    @Arg('token', () => String, { description: 'The token from the reset link.' }) token: string,
    @Arg('password', () => String, { description: 'The new password.' }) password: string,
    @Arg('passwordRepeat', () => String, { description: 'The new password again.' })
    passwordRepeat: string,
    @Ctx() { em, now, viewer, pubSub }: Context,
  ): Promise<boolean> {
    const { accountId, keptLogin } = await new PasswordResetService(em).reset(
      token,
      password,
      passwordRepeat,
      now,
      viewer,
    );
    // Subscriptions of the other logins end with them.
    pubSub.publish(Topic.AccessEvents, accountId, { kind: 'allLoginsEnded', except: keptLogin });
    return true;
  }
}
