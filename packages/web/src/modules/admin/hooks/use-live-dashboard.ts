import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useQuery, useSubscription } from 'urql';
import type { ResultOf } from '../../../app/graphql.js';
import { useSession } from '../../../app/session.js';
import {
  SessionStartsTodayQuery,
  ZoneOccupancyChangedSubscription,
  ZoneOccupancyQuery,
  ZoneOccupancyTodayQuery,
} from '../graphql/admin.js';
import { zoneHourBars, type ZoneHourBar } from '../zone-day.js';

type Change = ResultOf<typeof ZoneOccupancyChangedSubscription>['zoneOccupancyChanged'];
/** The latest event per zone id. */
type Latest = Readonly<Record<string, Change>>;

const hourMs = 3_600_000;

const keepLatest = (previous: Latest = {}, event: { zoneOccupancyChanged: Change }): Latest => {
  const change = event.zoneOccupancyChanged;
  const known = previous[change.zoneId];
  if (known && Date.parse(known.at) > Date.parse(change.at)) return previous;
  return { ...previous, [change.zoneId]: change };
};

/**
 * The dashboard's data, live: each zone's running sessions (an event's count wins over the
 * query's when it is newer), and each zone's sessions per hour and the town's starts per hour
 * today, both asked again after every event (a burst of events causes one request each) and when
 * a new hour begins.
 */
export function useLiveDashboard() {
  const { refresh } = useSession();
  const [occupancy, refetchOccupancy] = useQuery({ query: ZoneOccupancyQuery });
  const [starts, refetchStartsOnly] = useQuery({ query: SessionStartsTodayQuery });
  const [day, refetchDay] = useQuery({ query: ZoneOccupancyTodayQuery });
  // Today's two series (starts, and each zone's sessions per hour) are asked again together.
  const refetchStarts = useCallback(
    (context: { requestPolicy: 'network-only' }) => {
      refetchStartsOnly(context);
      refetchDay(context);
    },
    [refetchStartsOnly, refetchDay],
  );
  const [live, listen] = useSubscription({ query: ZoneOccupancyChangedSubscription }, keepLatest);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (!live.data) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => refetchStarts({ requestPolicy: 'network-only' }), 100);
  }, [live.data, refetchStarts]);

  // A new hour (or day) needs new bars, even when nothing started.
  useEffect(() => {
    const wait = hourMs - (Date.now() % hourMs) + 1000;
    const next = setTimeout(() => refetchStarts({ requestPolicy: 'network-only' }), wait);
    return () => clearTimeout(next);
  }, [starts.data, refetchStarts]);

  // When the server ends the subscription (a logout elsewhere), check the login, catch up and
  // listen anew; one refused at once is not retried (the login check decides).
  const since = useRef<number | null>(null);
  useEffect(() => {
    if (live.fetching) {
      since.current ??= Date.now();
      return;
    }
    if (since.current === null) return;
    const lasted = Date.now() - since.current;
    since.current = null;
    refresh();
    refetchOccupancy({ requestPolicy: 'network-only' });
    refetchStarts({ requestPolicy: 'network-only' });
    if (lasted > 2000) listen();
  }, [live.fetching, refresh, refetchOccupancy, refetchStarts, listen]);

  const zones = useMemo(() => {
    const latest = live.data ?? {};
    return occupancy.data?.zoneOccupancy.map((zone) => {
      const change = latest[zone.zoneId];
      return change && Date.parse(change.at) >= Date.parse(zone.at)
        ? { ...zone, running: change.running }
        : zone;
    });
  }, [occupancy.data, live.data]);

  const days = useMemo(() => {
    if (!day.data) return null;
    const now = new Date();
    return new Map<string, readonly ZoneHourBar[]>(
      day.data.zoneOccupancyToday.map((zone) => [zone.zoneId, zoneHourBars(zone.hours, now)]),
    );
  }, [day.data]);

  return {
    zones,
    days,
    occupancyError: occupancy.error,
    hours: starts.data?.sessionStartsToday,
    startsError: starts.error,
  };
}
