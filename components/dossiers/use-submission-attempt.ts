"use client";

import { useEffect, useRef, useState } from "react";
import type { FieldErrors } from "@/lib/dossiers/submission-rules";

/**
 * What every transmitting form keeps about an attempt to transmit: whether one was made (missing
 * items are said from then on), the server's refusal of a draft, and the error summary that takes
 * the focus after each blocked or refused attempt.
 */
export function useSubmissionAttempt() {
  const [attempted, setAttempted] = useState(false);
  const [refusal, setRefusal] = useState<{ errors: FieldErrors; forDraft: string } | null>(null);
  const [summaryFocus, setSummaryFocus] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (summaryFocus > 0) summaryRef.current?.focus();
  }, [summaryFocus]);
  return {
    attempted,
    summaryRef,
    /** The page's rules found something: the summary shows, and takes the focus. */
    onBlocked: () => {
      setAttempted(true);
      setSummaryFocus((count) => count + 1);
    },
    /** The server refused the transmission of `forDraft` (the draft serialised) with these errors. */
    refused: (errors: FieldErrors, forDraft: string) => {
      setAttempted(true);
      setRefusal({ errors, forDraft });
      setSummaryFocus((count) => count + 1);
    },
    /** The errors to show: a refusal the page's rules did not foresee stays shown until the draft changes. */
    shownErrors: (live: FieldErrors, draft: string): FieldErrors => (refusal && refusal.forDraft === draft && Object.keys(live).length === 0 ? refusal.errors : live),
  };
}
