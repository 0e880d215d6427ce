import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface Tab {
  readonly key: string;
  readonly label: string;
  readonly panel: ReactNode;
}

/**
 * Tabs as WAI-ARIA describes them: arrow keys, Home and End move between them. `label` names the
 * tab list; `initial` (or else the first tab) is selected at first.
 */
export function Tabs({
  label,
  tabs,
  initial,
}: {
  label: string;
  tabs: readonly Tab[];
  initial?: string;
}) {
  const [selected, setSelected] = useState(initial ?? tabs[0]?.key);
  const id = useId();
  const select = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    setSelected(tab.key);
    document.getElementById(`${id}-${tab.key}-tab`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const current = tabs.findIndex((tab) => tab.key === selected);
    const moves: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(next);
  };
  return (
    <div>
      <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
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
          {tab.panel}
        </div>
      ))}
    </div>
  );
}
