import type { DefaultColorScheme } from "@codegouvfr/react-dsfr/next-app-router";

/** Light or dark as the user's system says, until the user picks one in « Paramètres d'affichage ». */
export const defaultColorScheme: DefaultColorScheme = "system";
