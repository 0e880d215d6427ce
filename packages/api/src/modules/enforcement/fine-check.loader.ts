import { loader } from '../../graphql/loader.js';
import type { Context } from '../../graphql/context.js';
import { OutageCompensation } from '../../model/outage-compensation.entity.js';
import { RightCheckLog } from '../../model/right-check-log.entity.js';

/** What an official deciding a goodwill waiver sees of the check its fine was recorded against. */
export interface FineCheckView {
  readonly reference: string;
  readonly checkedAt: Date;
  readonly checkedFor: Date;
  readonly zoneCode: string;
  readonly zoneName: string;
  readonly valid: boolean;
  readonly rightKind: string | null;
  /** The answer as the officer got it: no right, and no outage window known then. */
  readonly mayFine: boolean;
  /** The outage window over the checked moment, as known now (recorded then or since). */
  readonly outage: {
    readonly start: Date;
    readonly end: Date;
    readonly recordedAt: Date;
  } | null;
}

const covers = (window: OutageCompensation, at: Date) =>
  window.windowStart <= at && window.windowEnd > at;

/**
 * docs/rules.md §9 fines: the checks of a list of waiver requests, with the outage windows over
 * their moments, in two queries however long the list. The window is the earliest covering the
 * moment, as the right-check takes it (right-check.sql.ts `outageSql`); one recorded after the
 * check did not change the officer's answer, but tells the official the visitor could not sign on.
 */
export function fineCheckLoader(ctx: Pick<Context, 'loaders' | 'em'>) {
  return loader<string, FineCheckView | null>(ctx, 'fineChecks', async (ids) => {
    const checks = await ctx.em.find(
      RightCheckLog,
      { id: { $in: [...ids] } },
      { populate: ['zone'] },
    );
    const windows =
      checks.length === 0
        ? []
        : await ctx.em.find(
            OutageCompensation,
            {
              zone: { $in: [...new Set(checks.map((check) => check.zone.id))] },
              windowStart: {
                $lte: new Date(Math.max(...checks.map((c) => c.checkedFor.getTime()))),
              },
              windowEnd: { $gt: new Date(Math.min(...checks.map((c) => c.checkedFor.getTime()))) },
            },
            { orderBy: { windowStart: 'asc' } },
          );
    const views = new Map<string, FineCheckView>();
    for (const check of checks) {
      const window = windows.find(
        (candidate) => candidate.zone.id === check.zone.id && covers(candidate, check.checkedFor),
      );
      const knownThen = window !== undefined && window.createdAt <= check.checkedAt;
      views.set(check.id, {
        reference: check.fineReference ?? '',
        checkedAt: check.checkedAt,
        checkedFor: check.checkedFor,
        zoneCode: check.zone.code,
        zoneName: check.zone.name,
        valid: check.valid,
        rightKind: check.rightKind ?? null,
        mayFine: !check.valid && !knownThen,
        outage: window
          ? { start: window.windowStart, end: window.windowEnd, recordedAt: window.createdAt }
          : null,
      });
    }
    return ids.map((id) => views.get(id) ?? null);
  });
}
