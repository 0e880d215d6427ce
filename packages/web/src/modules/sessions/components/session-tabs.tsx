import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from '../../../app/ui/tabs.js';

/** Running / Planned tabs with their counts (arrow keys, Home and End move between them). */
export function SessionTabs({
  running,
  planned,
  runningCount,
  plannedCount,
  initial = 'running',
}: {
  running: ReactNode;
  planned: ReactNode;
  runningCount: number;
  plannedCount: number;
  /** The tab shown first: planned right after planning one. */
  initial?: 'running' | 'planned';
}) {
  const { t } = useTranslation('sessions');
  return (
    <Tabs
      label={t('tabs.label')}
      initial={initial}
      tabs={[
        {
          key: 'running',
          label: t('tabs.running', { count: runningCount }),
          panel: running,
        },
        {
          key: 'planned',
          label: t('tabs.planned', { count: plannedCount }),
          panel: planned,
        },
      ]}
    />
  );
}
