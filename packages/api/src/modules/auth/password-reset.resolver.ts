import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { LivePublisher } from '../live/live-publisher.js';
import { PasswordResetService } from './password-reset.service.js';

@Resolver()
export class PasswordResetResolver {
  @Mutation(() => Boolean, {
    description:
      'Mails a link to set a new password when the address has an account. Always true: the answer does not tell whether it has.',
  })
  async requestPasswordReset(
    @Arg('email', () => String) email: string,
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
    @Arg('token', () => String) token: string,
    @Arg('password', () => String) password: string,
    @Arg('passwordRepeat', () => String) passwordRepeat: string,
    @Ctx() { em, now, viewer, pubSub }: Context,
  ): Promise<boolean> {
    const { accountId, keptLogin } = await new PasswordResetService(em).reset(
      token,
      password,
      passwordRepeat,
      now,
      viewer,
    );
    new LivePublisher(pubSub).accessEnded(accountId, {
      kind: 'allLoginsEnded',
      except: keptLogin,
    });
    return true;
  }
}
