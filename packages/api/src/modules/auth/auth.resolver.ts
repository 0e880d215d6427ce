import { isPartnerKeyViewer } from '../partner-key/partner-key-auth.js';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Topic } from '../../graphql/pubsub.js';
import { toLoginResult, toMeDto } from './auth.mapper.js';
import { endAppGrant } from './app-grant.js';
import { AuthService } from './auth.service.js';
import { startAccount, viewerAccount } from './viewer-account.js';
import { AccessToken, LoginInput, LoginResult, MeDto } from './auth.types.js';

@Resolver()
export class AuthResolver {
  @Query(() => MeDto, { nullable: true, description: 'The logged-in account, or null.' })
  async me(@Ctx() { em, viewer }: Context): Promise<MeDto | null> {
    // A registration number + PIN login and a town's machine key have no account (see
    // `registrationLogin`, docs/graphql.md "Machine keys").
    if (!viewer || viewer.permitOnly || isPartnerKeyViewer(viewer)) return null;
    const account = await viewerAccount(em, viewer.accountId);
    const start = await startAccount(em, viewer, account);
    return toMeDto(account, viewer, start.startPermitId ?? null);
  }

  @Mutation(() => LoginResult, {
    description: 'Logs in with e-mail and password; sets the session cookie.',
  })
  async login(
    @Arg('input', () => LoginInput, { description: "E-mail address, password and 'remember me'." })
    input: LoginInput,
    @Ctx() ctx: Context,
  ): Promise<LoginResult> {
    const auth = new AuthService(ctx.em);
    const session = await auth.login(
      input.email,
      input.password,
      input.remember,
      ctx.now,
      ctx.clientAddress,
    );
    // Without 'remember me' the cookie lives as long as the browser; the server also ends it early.
    ctx.http.setSessionCookie(session.token, session.remember ? session.expiresAt : null);
    return toLoginResult(session);
  }

  @Mutation(() => AccessToken, {
    description:
      'Logs in an app, scan car or partner: a bearer token for the Authorization header instead of a cookie.',
  })
  async createAccessToken(
    @Arg('email', () => String, { description: "The account's e-mail address." }) email: string,
    @Arg('password', () => String, { description: "The account's password." }) password: string,
    @Ctx() ctx: Context,
  ): Promise<AccessToken> {
    const session = await new AuthService(ctx.em).login(
      email,
      password,
      false,
      ctx.now,
      ctx.clientAddress,
      'bearer',
    );
    return Object.assign(new AccessToken(), {
      token: session.token,
      expiresAt: session.expiresAt,
      me: toMeDto(session.account),
    });
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description:
      "Ends this login (or revokes this bearer token); with an app's access token, the resident's consent for the app with all its tokens.",
  })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    const { accountId, authSessionId, app } = ctx.viewer!;
    if (app) await endAppGrant(ctx.em, authSessionId);
    else await new AuthService(ctx.em).logout(authSessionId);
    ctx.http.clearSessionCookie();
    // The subscriptions started with this login end with it.
    ctx.pubSub.publish(Topic.AccessEvents, accountId, { kind: 'loginEnded', authSessionId });
    return true;
  }
}
