import { eitherName, useName } from '../../graphql/renamed-argument.js';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { LivePublisher } from '../session/live-publisher.js';
import { DeskService } from './desk.service.js';
import {
  DeskActionResult,
  DeskChangeEndInput,
  DeskPermit,
  DeskStartSessionInput,
} from './desk.types.js';

/**
 * Who works at the municipal desk: its employees, and the town's admins, who may take a call
 * too (docs/security.md, "The municipal desk"). The service keeps each to their own town.
 */
const deskRoles = ['municipalDesk', 'municipalAdmin'] as const;

/** The desk's work for one request; the holder's open screens hear of each change live. */
const serviceFor = (ctx: Context) =>
  new DeskService({
    em: ctx.em,
    viewer: ctx.viewer!,
    now: ctx.now,
    language: ctx.language,
    sink: new LivePublisher(ctx.pubSub).sink,
  });

@Resolver()
export class DeskResolver {
  @Authorized(...deskRoles)
  @Mutation(() => DeskPermit, {
    description:
      "Opens a visitor permit of the desk's town with the caller's registration number and PIN, for 15 minutes. Wrong, blocked and another town's answer DESK_REGISTRATION_WRONG or DESK_TRIES_BLOCKED.",
  })
  async deskFindPermit(
    @Arg('registrationNumber', () => String, { description: "The caller's registration number." })
    registrationNumber: string,
    @Arg('pin', () => String, { description: "The caller's PIN." }) pin: string,
    @Ctx() ctx: Context,
  ): Promise<DeskPermit> {
    return serviceFor(ctx).find(registrationNumber, pin);
  }

  @Authorized(...deskRoles)
  @Mutation(() => DeskActionResult, {
    description: 'Starts a session for the caller on the permit of the grant (channel desk).',
  })
  async deskStartSession(
    @Arg('input', () => DeskStartSessionInput, { description: 'The grant, the plate and the end.' })
    input: DeskStartSessionInput,
    @Ctx() ctx: Context,
  ): Promise<DeskActionResult> {
    return serviceFor(ctx).start(eitherName(input.grantId, input.grant), input);
  }

  @Authorized(...deskRoles)
  @Mutation(() => DeskActionResult, {
    description: 'A new end for a session of the grant’s permit.',
  })
  async deskChangeSessionEnd(
    @Arg('input', () => DeskChangeEndInput, {
      description: 'The grant, the session and its new end.',
    })
    input: DeskChangeEndInput,
    @Ctx() ctx: Context,
  ): Promise<DeskActionResult> {
    const grantId = eitherName(input.grantId, input.grant);
    return serviceFor(ctx).changeEnd(grantId, input.sessionId, input.end);
  }

  @Authorized(...deskRoles)
  @Mutation(() => DeskActionResult, {
    description: 'Stops a running session now, or takes back a planned one.',
  })
  async deskStopSession(
    @Arg('grantId', () => ID, {
      nullable: true,
      description: 'The desk grant (DeskPermit.grantId); required (or, deprecated, grant).',
    })
    grantId: string | null,
    @Arg('id', () => ID, {
      nullable: true,
      description: 'The session (DeskSession.id); required (or, deprecated, sessionId).',
    })
    id: string | null,
    @Arg('grant', () => ID, {
      nullable: true,
      description: 'The desk grant (DeskPermit.grant).',
      deprecationReason: useName('grantId'),
    })
    grant: string | null,
    @Arg('sessionId', () => ID, {
      nullable: true,
      description: 'The session (DeskSession.id).',
      deprecationReason: useName('id'),
    })
    sessionId: string | null,
    @Ctx() ctx: Context,
  ): Promise<DeskActionResult> {
    return serviceFor(ctx).stop(eitherName(grantId, grant), eitherName(id, sessionId));
  }

  @Authorized(...deskRoles)
  @Mutation(() => Boolean, { description: 'The call is done: the grant ends now.' })
  async deskEndCall(
    @Arg('grantId', () => ID, {
      nullable: true,
      description: 'The desk grant (DeskPermit.grantId); required (or, deprecated, grant).',
    })
    grantId: string | null,
    @Arg('grant', () => ID, {
      nullable: true,
      description: 'The desk grant (DeskPermit.grant).',
      deprecationReason: useName('grantId'),
    })
    grant: string | null,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return serviceFor(ctx).endCall(eitherName(grantId, grant));
  }
}
