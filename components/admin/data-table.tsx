import { fr } from "@codegouvfr/react-dsfr";
import { cx } from "@codegouvfr/react-dsfr/tools/cx";
import type { ReactNode } from "react";

/**
 * DSFR's table (v1.14 markup: fr-table › __wrapper › __container › __content),
 * whose container scrolls a wide table inside itself so the page never
 * overflows. react-dsfr's <Table> renders the older markup from a data array,
 * without row headers, footers or fixed cells; the DNS tables need all three
 * (a region or EJ kept in view with `fr-cell--fixed`, totals as row headers).
 *
 * Children are the table's sections (<thead>, <tbody>); cells take DSFR's
 * cell classes (`fr-cell--fixed`, `fr-cell--right`, `fr-cell--multiline`).
 */
export function DataTable({
  caption,
  hideCaption = false,
  bordered = false,
  small = true,
  className,
  children,
}: {
  caption: ReactNode;
  /** The caption stays for assistive technologies (the table's name) but is not shown. */
  hideCaption?: boolean;
  bordered?: boolean;
  /** DSFR's compact cells (default). */
  small?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cx(fr.cx("fr-table", small && "fr-table--sm", bordered && "fr-table--bordered", hideCaption && "fr-table--no-caption"), className)}>
      <div className={fr.cx("fr-table__wrapper")}>
        {/* A wide table scrolls inside its container: focusable (and named) so the keyboard can scroll it too (RGAA 7.3, axe scrollable-region-focusable). */}
        <div className={fr.cx("fr-table__container")} tabIndex={0} role="region" aria-label={typeof caption === "string" ? caption : undefined}>
          <div className={fr.cx("fr-table__content")}>
            <table>
              <caption>{caption}</caption>
              {children}
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
