"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

export type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string; conflict: boolean };

/**
 * Saves `value` a moment after the last change, one save at a time, carrying
 * the dossier version so that a concurrent edit elsewhere is reported, never
 * silently overwritten.
 */
export function useAutosave<T>(
  value: T,
  initialVersion: number,
  save: (value: T, version: number) => Promise<ActionResult<{ version: number }>>,
  options: { delayMs?: number; enabled: boolean },
) {
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const version = useRef(initialVersion);
  const lastSaved = useRef(JSON.stringify(value));
  const latest = useRef(value);
  const inFlight = useRef<Promise<boolean> | null>(null);
  useEffect(() => {
    latest.current = value;
  }, [value]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    const snapshot = latest.current;
    const serialized = JSON.stringify(snapshot);
    if (serialized === lastSaved.current) return true;
    setState({ kind: "saving" });
    const run = (async () => {
      const result = await save(snapshot, version.current);
      if (result.ok) {
        version.current = result.data.version;
        lastSaved.current = serialized;
        setState({ kind: "saved", at: new Date() });
        return true;
      }
      setState({ kind: "error", message: result.message, conflict: /modifié entre-temps/.test(result.message) });
      return false;
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [save]);

  const serializedValue = JSON.stringify(value);
  useEffect(() => {
    if (!options.enabled || serializedValue === lastSaved.current) return;
    setState((current) => (current.kind === "error" && current.conflict ? current : { kind: "pending" }));
    const timer = setTimeout(() => void flush(), options.delayMs ?? 1200);
    return () => clearTimeout(timer);
  }, [serializedValue, options.enabled, options.delayMs, flush]);

  return { state, flush, version };
}
