/*
 * The four themes of the AAP HOP'EN2 (source 001, "Les thématiques éligibles" and each theme's
 * "Focus" table). Objectives and expected results are the source's words, verbatim; for the
 * rattrapage theme the source gives no objectives table but four eligible items ("Sont éligibles,
 * les projets portant sur les items suivants"), which serve as its objectives, with no expected
 * result of their own.
 */

export const PROJECT_CALL_THEME_KEYS = ["RATTRAPAGE_MATURITE", "DESENGORGEMENT_URGENCES", "LOGISTIQUE_PRODUITS_SANTE", "TEMPS_TRAVAIL_RH"] as const;

export type ProjectCallThemeKey = (typeof PROJECT_CALL_THEME_KEYS)[number];

export interface ProjectCallObjective {
  /** Stable code quoted by drafts, snapshots and exports, e.g. "URG-2". */
  code: string;
  label: string;
  /** One entry per numbered result of the source ("(1)", "(2)"…); empty for the rattrapage items. */
  expectedResults: readonly string[];
}

export interface ProjectCallTheme {
  key: ProjectCallThemeKey;
  label: string;
  objectives: readonly ProjectCallObjective[];
}

export const PROJECT_CALL_THEMES: Readonly<Record<ProjectCallThemeKey, ProjectCallTheme>> = {
  RATTRAPAGE_MATURITE: {
    key: "RATTRAPAGE_MATURITE",
    label: "Rattrapage de la maturité numérique des établissements",
    objectives: [
      { code: "RAT-1", label: "Déploiement d'un dossier patient informatisé (DPI), interopérable et adapté aux activités de l'établissement", expectedResults: [] },
      { code: "RAT-2", label: "Mise en œuvre ou renforcement des dispositifs d'identitovigilance, visant à sécuriser l'identification des patients et la qualité des données", expectedResults: [] },
      { code: "RAT-3", label: "Alimentation et consultation de Mon espace santé (MES)", expectedResults: [] },
      { code: "RAT-4", label: "Echanges sécurisés via la messagerie sécurisée de santé (MSSanté)", expectedResults: [] },
    ],
  },
  DESENGORGEMENT_URGENCES: {
    key: "DESENGORGEMENT_URGENCES",
    label: "Désengorgement des urgences",
    objectives: [
      {
        code: "URG-1",
        label: "Fluidifier la prise en charge en aval des urgences par une meilleure coordination entre les services cliniques",
        expectedResults: [
          "Circulation fluide et structurée des données essentielles tout au long de la prise en charge (de l'accueil à l'orientation/sortie) via interopérabilité entre module Urgences, DPI, bed management, GAM.",
        ],
      },
      {
        code: "URG-2",
        label: "Disposer d'une vision capacitaire fiable pour accélérer l'orientation et l'admission des patients",
        expectedResults: [
          "Disposer d'une vision précise, fiable et actualisée des disponibilités en lits via consommation des données ROR via API, selon les besoins (maille territoriale, filière…).",
          "Mettre à jour le ROR conformément aux consignes nationales via alimentation automatisée (API) depuis Bed Management/GAM, sur toutes les filières, notamment : soins critiques adultes & pédiatrie, lits Grands Brûlés, gériatrie, SMR, obstétrique. Fréquence attendue (soins critiques + Grands Brûlés) : a minima quotidienne hors tension, biquotidienne en tension.",
        ],
      },
      {
        code: "URG-3",
        label: "Accélérer et sécuriser les décisions médicales via l'accès direct au DMP / Mon espace santé et l'envoi automatisé des documents d'urgences",
        expectedResults: [
          "Consultation du DMP depuis le logiciel de spécialité urgences.",
          "Transmission des documents d'urgences (synthèse de passage, fiche retour DLU) au DMP et/ou via MSSanté pour la continuité des soins.",
        ],
      },
      {
        code: "URG-4",
        label: "Améliorer l'expérience patient et la lisibilité du parcours aux urgences",
        expectedResults: [
          "Mise en place d'un dispositif de notification / information patient (« fil d'Ariane »).",
          "Connexion du dispositif aux outils de gestion du flux (DPI, module urgences, pilotage des parcours).",
          "Actualisation automatique des informations en fonction de l'avancement réel.",
        ],
      },
    ],
  },
  LOGISTIQUE_PRODUITS_SANTE: {
    key: "LOGISTIQUE_PRODUITS_SANTE",
    label: "Logistique des produits de santé",
    objectives: [
      {
        code: "LOG-1",
        label: "Fiabiliser et unifier les référentiels de données produits et partenaires",
        expectedResults: [
          "Définir et mettre en œuvre des référentiels communs et partagés (établissement + GHT) : fichiers fournisseurs et débiteurs, référentiel produits basé sur le Référentiel Unique d'Identification du Médicament (RUIM).",
        ],
      },
      {
        code: "LOG-2",
        label: "Fiabiliser la gestion des stocks pour garantir la disponibilité des produits nécessaires aux soins",
        expectedResults: [
          "Gestion intégrée et fiable des stocks en synchronisant les infos entre PUI, DPI, GEF et SI achats via un flux PN13-IS V4.0",
          "Déployer/optimiser un stock centralisé alimenté en “temps réel”, traçant : localisation, n° lot, date de péremption, libellé & code produit, mouvements automatisés (entrée/sortie/transfert).",
        ],
      },
      {
        code: "LOG-3",
        label: "Anticiper les tensions d'approvisionnement et sécuriser les produits critiques",
        expectedResults: [
          "Outillage de stocks de sécurité : surveillance prédictive, alertes intelligentes, plans d'approvisionnement alternatifs.",
          "Visibilité consolidée de l'état des stocks sensibles.",
        ],
      },
      {
        code: "LOG-4",
        label: "Contribuer efficacement à la veille sanitaire nationale via un suivi automatisé des stocks de produits ciblés",
        expectedResults: [
          "Permettre une remontée exhaustive des données vers eDispostock pour soutenir la veille sanitaire, la gestion des tensions et la sécurisation des approvisionnements.",
        ],
      },
    ],
  },
  TEMPS_TRAVAIL_RH: {
    key: "TEMPS_TRAVAIL_RH",
    label: "Gestion du temps de travail et processus RH",
    objectives: [
      {
        code: "RH-1",
        label: "Disposer d'un référentiel organisationnel fiable pour structurer les équipes et sécuriser les processus RH",
        expectedResults: [
          "Formaliser un fichier structure partagé (à jour, cohérent établissement/GHT) afin : d'éviter doublons/incohérences, clarifier UF/équipes/cycles/horaires, faciliter mobilité/polyvalences, permettre un pilotage RH plus fiable.",
        ],
      },
      {
        code: "RH-2",
        label: "Suivre de manière exhaustive et conforme le temps de travail du personnel médical et des internes (gardes, astreintes, PDS)",
        expectedResults: [
          "Assurer un suivi fiabilisé du temps réel travaillé via un outil interfacé avec la planification.",
          "Gérer automatiquement les obligations réglementaires de gestion du temps de travail.",
        ],
      },
      {
        code: "RH-3",
        label: "Automatiser la chaîne RH pour fiabiliser la paie et réduire les ressaisies",
        expectedResults: ["Intégrer les données de temps de travail dans le SI paie.", "Automatiser les flux entre GTA et paie."],
      },
      {
        code: "RH-4",
        label: "Améliorer l'expérience professionnelle via des services RH accessibles en ligne",
        expectedResults: [
          "Mettre à disposition un espace numérique unique interopéré avec les briques RH pour : consulter planning, compteurs, documents RH, réaliser des démarches, communiquer avec la DRH.",
        ],
      },
    ],
  },
};

export function isProjectCallThemeKey(value: unknown): value is ProjectCallThemeKey {
  return typeof value === "string" && (PROJECT_CALL_THEME_KEYS as readonly string[]).includes(value);
}

/** The objective of `theme` with this code, or null (a code of another theme is not one of its objectives). */
export function themeObjective(theme: ProjectCallThemeKey, code: string): ProjectCallObjective | null {
  return PROJECT_CALL_THEMES[theme].objectives.find((objective) => objective.code === code) ?? null;
}

/** Every objective code of every theme (the draft accepts any of them; submission checks it belongs to the chosen theme). */
export const PROJECT_CALL_OBJECTIVE_CODES: readonly string[] = PROJECT_CALL_THEME_KEYS.flatMap((key) => PROJECT_CALL_THEMES[key].objectives.map((objective) => objective.code));
