import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { mapConnection } from '../../graphql/connection.js';
import { actorOf, type Context } from '../../graphql/context.js';
import { auditLogPage, balanceUnitsOf } from './audit-query.js';
import { accountLabel } from '../../model/account.entity.js';
import { AuditLogConnection, AuditLogEntry, AuditLogFilter } from './audit.types.js';

@Resolver()
export class AuditResolver {
  @Authorized('municipalAdmin')
  @Query(() => AuditLogConnection, {
    description: "Changes made by the administrators of the admin's municipality, newest first.",
  })
  async auditLog(
    @Arg('filter', () => AuditLogFilter, {
      description: 'Narrows the list; left out: every change.',
      nullable: true,
    })
    filter: AuditLogFilter | null,
    @Arg('first', () => Int, { description: 'Page size, 1 to 50.', defaultValue: 20 })
    first: number,
    @Arg('after', () => String, {
      description: "The previous page's pageInfo.endCursor; left out: the first page.",
      nullable: true,
    })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<AuditLogConnection> {
    const connection = await auditLogPage(ctx.em, actorOf(ctx), filter, first, after);
    const units = await balanceUnitsOf(
      ctx.em,
      connection.edges.map((edge) => edge.node),
    );
    return Object.assign(
      new AuditLogConnection(),
      mapConnection(connection, (entry) =>
        Object.assign(new AuditLogEntry(), {
          id: entry.id,
          at: entry.at,
          actor: accountLabel(entry.actor),
          action: entry.action,
          subjectType: entry.subjectType,
          subjectId: entry.subjectId,
          subjectLabel: entry.subjectLabel,
          before: entry.before ?? null,
          after: entry.after ?? null,
          balanceUnit: units.get(entry.subjectId) ?? null,
        }),
      ),
    );
  }
}
