import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, type Context } from '../../graphql/context.js';
import { Topic } from '../../graphql/pubsub.js';
import type { PartnerApp } from '../../model/partner-app.entity.js';
import type { ResidentAppScope } from '../../graphql/scope-gate.js';
import { AppConsentService } from './app-consent.service.js';
import { ConnectedAppsService } from './connected-apps.service.js';
import { PartnerAppService } from './partner-app.service.js';
import {
  AppAuthorization,
  AppAuthorizationDecision,
  AppSummary,
  ConnectedApp,
  PartnerAppDto,
  RegisteredPartnerApp,
  RegisterPartnerAppInput,
} from './app-access.types.js';

const summaryOf = (app: PartnerApp): AppSummary =>
  Object.assign(new AppSummary(), { id: app.id, name: app.name, owner: app.owner });

const partnerAppOf = (app: PartnerApp): PartnerAppDto =>
  Object.assign(new PartnerAppDto(), {
    id: app.id,
    clientId: app.clientId,
    name: app.name,
    owner: app.owner,
    contactEmail: app.contactEmail,
    redirectUris: app.redirectUris,
    scopes: app.scopes as ResidentAppScope[],
    kind: app.kind,
    disabled: app.disabled,
    createdAt: app.createdAt,
  });

/** Apps acting for a resident (docs/graphql.md "Acting for a resident"). */
@Resolver()
export class AppAccessResolver {
  @Authorized('resident', 'business')
  @Query(() => AppAuthorization, {
    description:
      'What an app asks to do, for the consent page; only in the browser that started it.',
  })
  async appAuthorization(
    @Arg('uid', () => String, { description: 'From the consent page’s address.' }) uid: string,
    @Ctx() ctx: Context,
  ): Promise<AppAuthorization> {
    const pending = await new AppConsentService(ctx.em, ctx.viewer!, ctx.now).pending(uid);
    return Object.assign(new AppAuthorization(), {
      uid,
      app: summaryOf(pending.app),
      redirectHost: pending.redirectHost,
      scopes: [...pending.scopes],
      actingFor: ctx.viewer!.actingFor?.label ?? null,
    });
  }

  @Authorized('resident', 'business')
  @Mutation(() => AppAuthorizationDecision, {
    description: 'Allows or denies what an app asks; the browser then goes to `redirectTo`.',
  })
  async decideAppAuthorization(
    @Arg('uid', () => String, { description: 'From the consent page’s address.' }) uid: string,
    @Arg('allow', () => Boolean, { description: 'True allows, false denies.' }) allow: boolean,
    @Ctx() ctx: Context,
  ): Promise<AppAuthorizationDecision> {
    const redirectTo = await new AppConsentService(ctx.em, ctx.viewer!, ctx.now).decide(uid, allow);
    return Object.assign(new AppAuthorizationDecision(), { redirectTo });
  }

  @Authorized('resident', 'business')
  @Query(() => [ConnectedApp], { description: 'The apps the holder allowed to act for them.' })
  async connectedApps(@Ctx() ctx: Context): Promise<ConnectedApp[]> {
    const apps = await new ConnectedAppsService(ctx.em, ctx.viewer!).list();
    return apps.map((view) =>
      Object.assign(new ConnectedApp(), { ...view, app: summaryOf(view.app) }),
    );
  }

  @Authorized('resident', 'business')
  @Mutation(() => Boolean, {
    description: "Takes an app's access back: its access and refresh tokens stop at once.",
  })
  async revokeConnectedApp(
    @Arg('appId', () => ID, { description: 'The connected app.' }) appId: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    const ended = await new ConnectedAppsService(ctx.em, ctx.viewer!).revoke(appId);
    // The app's subscriptions end with its tokens, as a login's end with a logout.
    for (const authSessionId of ended) {
      ctx.pubSub.publish(Topic.AccessEvents, ctx.viewer!.holderAccountId, {
        kind: 'loginEnded',
        authSessionId,
      });
    }
    return true;
  }

  @Authorized('platformAdmin')
  @Query(() => [PartnerAppDto], { description: 'Every app registered to act for residents.' })
  async partnerApps(@Ctx() ctx: Context): Promise<PartnerAppDto[]> {
    return (await new PartnerAppService(ctx.em, actorOf(ctx)).all()).map(partnerAppOf);
  }

  @Authorized('platformAdmin')
  @Mutation(() => RegisteredPartnerApp, {
    description: 'Registers an app; a confidential app’s secret is in the answer, once.',
  })
  async registerPartnerApp(
    @Arg('input', () => RegisterPartnerAppInput, { description: 'The app.' })
    input: RegisterPartnerAppInput,
    @Ctx() ctx: Context,
  ): Promise<RegisteredPartnerApp> {
    const { app, clientSecret } = await new PartnerAppService(ctx.em, actorOf(ctx)).register(input);
    return Object.assign(new RegisteredPartnerApp(), { app: partnerAppOf(app), clientSecret });
  }

  @Authorized('platformAdmin')
  @Mutation(() => PartnerAppDto, {
    description: 'Disables or enables an app; a disabled app’s tokens stop at once.',
  })
  async setPartnerAppDisabled(
    @Arg('id', () => ID, { description: 'The app.' }) id: string,
    @Arg('disabled', () => Boolean, { description: 'True disables, false enables.' })
    disabled: boolean,
    @Ctx() ctx: Context,
  ): Promise<PartnerAppDto> {
    return partnerAppOf(
      await new PartnerAppService(ctx.em, actorOf(ctx)).setDisabled(id, disabled),
    );
  }
}
