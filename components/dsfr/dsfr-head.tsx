import { DsfrHeadBase, createGetHtmlAttributes, type DsfrHeadProps } from "@codegouvfr/react-dsfr/next-app-router/server-only-index";
import Link from "next/link";
import { defaultColorScheme } from "./default-color-scheme";

/** The <html> attributes of DSFR's light/dark scheme, set before the first paint. */
export const { getHtmlAttributes } = createGetHtmlAttributes({ defaultColorScheme });

/** DSFR's CSS, icons, Marianne font and favicon, all served from the package (nothing fetched elsewhere). */
export function DsfrHead(props: DsfrHeadProps) {
  return <DsfrHeadBase Link={Link} {...props} />;
}
