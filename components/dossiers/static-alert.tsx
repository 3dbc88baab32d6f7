"use client";

import { Alert, type AlertProps } from "@codegouvfr/react-dsfr/Alert";

/**
 * A DSFR alert that is part of the page as it loads (a state, a request, a decision), not news:
 * no role="alert", which would make screen readers interrupt on every page load (RGAA 8.7). A
 * client component, because an explicit `role={undefined}` does not survive the server-to-client props.
 */
export function StaticAlert(props: AlertProps) {
  return <Alert {...props} role={undefined} />;
}
