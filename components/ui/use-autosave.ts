"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

/** What one save attempt gave. `final` refusals (version conflict, validated meanwhile) stop the autosave for good. */
export type AutosaveResult = { ok: true; version: number; savedAt: string } | { ok: false; message: string; final: boolean };

export type AutosaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "error"; message: string; canRetry: boolean };

const NETWORK_FAILURE = "L'enregistrement a échoué (connexion interrompue ?). Vos réponses sont conservées dans cette page : réessayez.";

/**
 * Debounced, serialised autosave that carries the version: each save names the version the
 * previous one returned, so a save made elsewhere meanwhile is refused by the server (conflict)
 * instead of being overwritten. One save at a time; changes made during a save are sent after it.
 */
export function useAutosave<T>(options: { initialVersion: number; save: (value: T, expectedVersion: number) => Promise<AutosaveResult>; delayMs?: number }) {
  const { initialVersion, delayMs = 800 } = options;
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "idle" });
  const saveRef = useRef(options.save);
  const versionRef = useRef(initialVersion);
  const pendingRef = useRef<{ value: T } | null>(null);
  const inFlightRef = useRef<Promise<void> | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const failedRef = useRef(false);
  const stoppedRef = useRef(false);

  useEffect(() => {
    saveRef.current = options.save;
  }, [options.save]);

  const run = useCallback(function runSave(): Promise<void> {
    if (inFlightRef.current) return inFlightRef.current;
    const pending = pendingRef.current;
    if (!pending || stoppedRef.current) return Promise.resolve();
    pendingRef.current = null;
    setStatus({ kind: "saving" });
    const attempt = (async () => {
      let result: AutosaveResult;
      try {
        result = await saveRef.current(pending.value, versionRef.current);
      } catch {
        result = { ok: false, message: NETWORK_FAILURE, final: false };
      }
      if (result.ok) {
        versionRef.current = result.version;
        failedRef.current = false;
        if (!pendingRef.current) setStatus({ kind: "saved", at: result.savedAt });
      } else {
        failedRef.current = true;
        if (result.final) stoppedRef.current = true;
        // Keep the unsaved value for a retry, unless a newer one is already waiting.
        else pendingRef.current ??= pending;
        setStatus({ kind: "error", message: result.message, canRetry: !result.final });
      }
    })();
    const tracked = attempt.finally(() => {
      inFlightRef.current = null;
      // Changes made during the save: send them now (after a success only; a failure waits for a retry).
      if (!failedRef.current && pendingRef.current) void runSave();
    });
    inFlightRef.current = tracked;
    return tracked;
  }, []);

  /** Queue `value` (the whole state to store) for saving after the debounce. */
  const schedule = useCallback(
    (value: T) => {
      if (stoppedRef.current) return;
      pendingRef.current = { value };
      // Shown at once: the change is not stored yet.
      setStatus({ kind: "saving" });
      if (timerRef.current) clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => {
        timerRef.current = null;
        void run();
      }, delayMs);
    },
    [delayMs, run],
  );

  /** Saves what is waiting now; true when everything is stored. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timerRef.current) {
      clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    for (;;) {
      if (stoppedRef.current) return false;
      if (inFlightRef.current) {
        await inFlightRef.current;
        continue;
      }
      if (!pendingRef.current) return !failedRef.current;
      await run();
      if (failedRef.current) return false;
    }
  }, [run]);

  const retry = useCallback(() => {
    void run();
  }, [run]);

  const currentVersion = useCallback(() => versionRef.current, []);

  // Leaving the page with unsaved answers: ask the browser to warn.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (pendingRef.current || inFlightRef.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      if (timerRef.current) clearTimeout(timerRef.current);
    };
  }, []);

  return { status, schedule, flush, retry, currentVersion };
}

/** The server's answer when the stored draft changed since this page read it (lib/errors ConflictError). */
const CONFLICT = /modifié entre-temps/;

/**
 * {@link useAutosave} for a form whose whole value is state (react-hook-form's `useWatch`, a
 * reducer…): every change of `value` is queued, and a save action answering an
 * {@link ActionResult} with the new version and the server's instant (the portal's clock, never
 * the browser's) is adapted; `onSaved` receives the rest of the answer. A conflict stops the
 * autosave for good.
 */
export function useValueAutosave<T, D extends { version: number; savedAt: string }>(
  value: T,
  options: { initialVersion: number; save: (value: T, expectedVersion: number) => Promise<ActionResult<D>>; enabled: boolean; delayMs?: number; onSaved?: (data: D) => void },
) {
  const { save, enabled, onSaved } = options;
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);
  const adapted = useCallback(
    async (next: T, expectedVersion: number): Promise<AutosaveResult> => {
      const result = await save(next, expectedVersion);
      if (result.ok) {
        onSavedRef.current?.(result.data);
        return { ok: true, version: result.data.version, savedAt: result.data.savedAt };
      }
      return { ok: false, message: result.message, final: CONFLICT.test(result.message) };
    },
    [save],
  );
  const autosave = useAutosave<T>({ initialVersion: options.initialVersion, save: adapted, delayMs: options.delayMs ?? 1_200 });
  const { schedule } = autosave;
  const serialized = JSON.stringify(value);
  const lastQueued = useRef(serialized);
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  useEffect(() => {
    if (!enabled || serialized === lastQueued.current) return;
    lastQueued.current = serialized;
    schedule(latest.current);
  }, [serialized, enabled, schedule]);
  return autosave;
}
