import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Running / Planned tabs with their counts (arrow keys move between them, as tabs do). */
export function SessionTabs({
  running,
  planned,
  runningCount,
  plannedCount,
}: {
  running: ReactNode;
  planned: ReactNode;
  runningCount: number;
  plannedCount: number;
}) {
  const { t } = useTranslation('sessions');
  const [selected, setSelected] = useState<'running' | 'planned'>('running');
  const id = useId();
  const tabs = [
    { key: 'running' as const, label: t('tabs.running', { count: runningCount }) },
    { key: 'planned' as const, label: t('tabs.planned', { count: plannedCount }) },
  ];
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next = selected === 'running' ? 'planned' : 'running';
    setSelected(next);
    document.getElementById(`${id}-${next}-tab`)?.focus();
  };
  return (
    <div>
      <div className="tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            id={`${id}-${tab.key}-tab`}
            type="button"
            role="tab"
            aria-selected={selected === tab.key}
            aria-controls={`${id}-${tab.key}`}
            tabIndex={selected === tab.key ? 0 : -1}
            onClick={() => setSelected(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.key}
          id={`${id}-${tab.key}`}
          role="tabpanel"
          aria-labelledby={`${id}-${tab.key}-tab`}
          hidden={selected !== tab.key}
        >
          {tab.key === 'running' ? running : planned}
        </div>
      ))}
    </div>
  );
}
