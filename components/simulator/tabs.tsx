"use client";

import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export interface TabDefinition {
  /** Used in the element ids: "onglet-<id>", "panneau-<id>". */
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * WAI-ARIA tabs with automatic activation: ←/→ move to the previous/next tab (wrapping),
 * Home/End to the first/last; only the selected tab is in the Tab order. Inactive panels stay
 * mounted (hidden) so what was typed in a tab survives switching.
 */
export function Tabs({ label, tabs }: { label: string; tabs: readonly TabDefinition[] }) {
  const [selected, setSelected] = useState(0);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  function select(index: number) {
    setSelected(index);
    tabRefs.current[index]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = tabs.length - 1;
    const target =
      event.key === "ArrowRight"
        ? (index + 1) % tabs.length
        : event.key === "ArrowLeft"
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    select(target);
  }

  return (
    <div>
      <div role="tablist" aria-label={label} className="flex flex-wrap gap-1 border-b-2 border-bleu-france">
        {tabs.map((tab, index) => {
          const isSelected = index === selected;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                tabRefs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`onglet-${tab.id}`}
              aria-selected={isSelected}
              aria-controls={`panneau-${tab.id}`}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => setSelected(index)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={`-mb-0.5 border-2 px-4 py-2 font-semibold ${
                isSelected ? "border-bleu-france border-b-white bg-white text-bleu-france" : "border-transparent bg-bleu-clair text-bleu-france hover:underline"
              }`}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab, index) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`panneau-${tab.id}`}
          aria-labelledby={`onglet-${tab.id}`}
          tabIndex={0}
          hidden={index !== selected}
          className="pt-6"
        >
          {tab.content}
        </div>
      ))}
    </div>
  );
}
