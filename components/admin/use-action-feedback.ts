"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * What a form of the DNS screens shows after its server action: each field's
 * error next to it until that field is changed, and one message (success, or
 * the action's French error). A summary of field errors goes as soon as no
 * field error is left, so the form never shows a stale state.
 */
export function useActionFeedback<Field extends string>() {
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string; aboutFields: boolean } | null>(null);
  const hasFieldErrors = Object.values(errors).some(Boolean);
  return {
    /** The error of `field`, as DSFR's `state` / `stateRelatedMessage` props. */
    stateOf(field: Field): { state: "error"; stateRelatedMessage: string } | { state: "default" } {
      const error = errors[field];
      return error ? { state: "error", stateRelatedMessage: error } : { state: "default" };
    },
    /** Call when the user changes `field`: its error goes. */
    changed(field: Field) {
      if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
      if (message?.ok) setMessage(null);
    },
    /** Call with the action's result; returns it for chaining. */
    received<T>(result: ActionResult<T>, success: string): ActionResult<T> {
      if (result.ok) {
        setErrors({});
        setMessage({ ok: true, text: success, aboutFields: false });
      } else {
        const fieldErrors = result.fieldErrors ?? {};
        setErrors(Object.fromEntries(Object.entries(fieldErrors).map(([key, messages]) => [key, messages.join(" ")])) as Partial<Record<Field, string>>);
        setMessage({ ok: false, text: result.message, aboutFields: Object.keys(fieldErrors).length > 0 });
      }
      return result;
    },
    success: message?.ok ? message.text : null,
    error: message && !message.ok && (!message.aboutFields || hasFieldErrors) ? message.text : null,
  };
}
