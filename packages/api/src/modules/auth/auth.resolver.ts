import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { toMeDto } from '../account/account.mapper.js';
import { AccountService } from '../account/account.service.js';
import { AuthService } from './auth.service.js';
import { LoginInput, LoginResult, MeDto } from './auth.types.js';

@Resolver()
export class AuthResolver {
  @Query(() => MeDto, { nullable: true, description: 'The logged-in account, or null.' })
  async me(@Ctx() { em, viewer }: Context): Promise<MeDto | null> {
    return viewer ? toMeDto(await new AccountService(em).viewerAccount(viewer.accountId)) : null;
  }

  @Mutation(() => LoginResult, {
    description: 'Logs in with e-mail and password; sets the session cookie.',
  })
  async login(
    @Arg('input', () => LoginInput) input: LoginInput,
    @Ctx() ctx: Context,
  ): Promise<LoginResult> {
    const auth = new AuthService(ctx.em);
    const session = await auth.login(input.email, input.password, input.remember, ctx.now);
    // Without 'remember me' the cookie lives as long as the browser; the server also ends it early.
    ctx.http.setSessionCookie(session.token, session.remember ? session.expiresAt : null);
    return Object.assign(new LoginResult(), {
      me: toMeDto(session.account),
      expiresAt: session.expiresAt,
    });
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends this login.' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    await new AuthService(ctx.em).logout(ctx.viewer!.authSessionId);
    ctx.http.clearSessionCookie();
    return true;
  }
}
