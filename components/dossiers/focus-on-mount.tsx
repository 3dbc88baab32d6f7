"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** Gives the focus to its content when it appears (e.g. the confirmation after a transmission, whose button is gone). */
export function FocusOnMount({ active, children }: { active: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (active) ref.current?.focus();
  }, [active]);
  return (
    <div ref={ref} tabIndex={active ? -1 : undefined} id="etat-transmission">
      {children}
    </div>
  );
}
