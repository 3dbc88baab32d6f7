/**
 * The default IE maturity questionnaire (autoévaluation de maturité en identification
 * électronique), as data. Built from the HospiConnect objectives 1.1–2.2 and their 2027/2028
 * targets (source 000, 000_1a898dec8b2a4de4.txt, "Objectifs HospiConnect/HOP'EN2") and from the
 * identity and access management chain of source 003 (003_7e8834ec9bc46d44.txt): one dimension
 * per objective, three questions per dimension, five maturity levels 0–4 per question. Level 3
 * or 4 of the first question of each dimension restates the 2027 / 2028 target of its objective.
 *
 * A new national version gets a new id (answers are keyed by question id) and is loaded into the
 * Questionnaire table; the id of this one is kept forever for the self-assessments made on it.
 */
import { parseQuestionnaireDefinition, type QuestionnaireDefinition, type QuestionnaireDefinitionInput } from "./questionnaire-definition";

export const DEFAULT_QUESTIONNAIRE_ID = "hospiconnect-ie-2026-v1";

/** The scale shared by every question: the descriptions say what each level means for that question. */
const LEVEL_LABELS = ["Non engagé", "Initialisé", "En déploiement", "Opérationnel", "Généralisé"] as const;

function levels(...descriptions: [string, string, string, string, string]): QuestionnaireDefinitionInput["dimensions"][number]["questions"][number]["levels"] {
  return descriptions.map((description, level) => ({ level, label: LEVEL_LABELS[level] ?? `Niveau ${level}`, description }));
}

const definition: QuestionnaireDefinitionInput = {
  schemaVersion: 1,
  id: DEFAULT_QUESTIONNAIRE_ID,
  title: "Autoévaluation de la maturité en identification électronique (HospiConnect 2026)",
  description:
    "Questionnaire à renseigner à la maille de l'entité juridique (EJ), dans son intégralité. Pour les questions qui le permettent, " +
    "un niveau peut être donné par établissement géographique (EG) : le niveau retenu pour l'EJ est alors la moyenne des niveaux des EG.",
  dimensions: [
    {
      id: "identites",
      objectiveCode: "1.1",
      title: "Gestion des identités des utilisateurs et identifiant RPPS",
      description: "Objectif 1.1 : l'identifiant RPPS des utilisateurs est connu du dossier patient informatisé (DPI).",
      questions: [
        {
          id: "identites.rpps-professions-ordre",
          label:
            "L'identifiant RPPS des utilisateurs du DPI relevant d'une profession à Ordre ou enregistrée par l'ARS est-il connu du DPI ?",
          help: "Rapportez le nombre d'utilisateurs concernés dont le RPPS figure dans le DPI au nombre total d'utilisateurs concernés.",
          perSite: true,
          levels: levels(
            "Aucun identifiant RPPS n'est enregistré dans le DPI.",
            "Le RPPS est connu du DPI pour moins de la moitié des utilisateurs concernés.",
            "Le RPPS est connu du DPI pour au moins la moitié des utilisateurs concernés, saisi après la création des comptes.",
            "Le RPPS est connu du DPI pour l'ensemble des utilisateurs concernés, mais pas toujours dès la création du compte.",
            "Le RPPS est connu du DPI pour l'ensemble des utilisateurs concernés dès la création du compte utilisateur (cible 2027 de l'objectif 1.1).",
          ),
        },
        {
          id: "identites.rpps-enregistrement-employeur",
          label:
            "Les utilisateurs du DPI qui doivent être enregistrés au RPPS par l'employeur (l'établissement) le sont-ils, et leur RPPS est-il associé à leur compte ?",
          levels: levels(
            "Les professionnels à enregistrer au RPPS par l'établissement ne sont pas identifiés.",
            "Les professionnels concernés sont recensés ; aucun enregistrement n'est engagé.",
            "La procédure d'enregistrement au RPPS par l'employeur est définie et engagée pour une partie des professionnels.",
            "La majorité des professionnels concernés est enregistrée au RPPS et leur identifiant est associé à leur compte DPI.",
            "L'identifiant RPPS est associé à tous les utilisateurs du DPI, y compris ceux enregistrés au RPPS par l'employeur (cible 2028 de l'objectif 1.1).",
          ),
        },
        {
          id: "identites.referentiel-identites",
          label: "D'où proviennent les identités des utilisateurs et comment leur qualité est-elle contrôlée ?",
          levels: levels(
            "Les identités sont saisies à la main dans chaque application, sans contrôle.",
            "Un référentiel RH existe mais n'est pas rapproché des comptes applicatifs.",
            "Les identités sont rapprochées ponctuellement du référentiel RH et de l'Annuaire Santé (RPPS).",
            "Les comptes sont créés à partir du référentiel RH et contrôlés avec l'Annuaire Santé à la création.",
            "Les identités sont synchronisées automatiquement et régulièrement avec l'Annuaire Santé ; les anomalies sont suivies et corrigées.",
          ),
        },
      ],
    },
    {
      id: "comptes",
      objectiveCode: "1.2",
      title: "Cycle de vie des comptes et des habilitations",
      description: "Objectif 1.2 : les permissions d'accès au DPI sont mises à jour lors des mouvements de personnel.",
      questions: [
        {
          id: "comptes.procedure-mouvements",
          label:
            "Les comptes et les habilitations sont-ils mis à jour lors des arrivées, des départs et des changements de service des professionnels ?",
          levels: levels(
            "Aucune procédure : les comptes sont créés ou fermés à la demande, sans suivi.",
            "Une pratique existe mais n'est pas écrite ; des comptes de personnes parties restent actifs.",
            "La procédure est écrite mais appliquée partiellement (certains services, certains mouvements).",
            "La procédure de mise à jour des comptes est décrite et opérationnelle, manuelle ou automatique, pour les arrivées, départs et changements de service (cible 2027 de l'objectif 1.2).",
            "La mise à jour est automatique à partir des mouvements enregistrés par la GRH (cible 2028 de l'objectif 1.2).",
          ),
        },
        {
          id: "comptes.base-centralisee",
          label: "Les comptes du SIH sont-ils gérés dans une base de comptes centralisée ?",
          levels: levels(
            "Chaque application gère ses propres comptes.",
            "Un annuaire central existe pour une partie des applications, sans le DPI.",
            "L'annuaire central couvre le DPI ; les autres applications gardent leurs comptes.",
            "La base de comptes centralisée couvre le DPI et la plupart des applications du SIH.",
            "Une base de comptes centralisée alimente tout le SIH et les activités RPPS des professionnels y sont mises à jour (cible 2028 de l'objectif 1.2).",
          ),
        },
        {
          id: "comptes.revue-habilitations",
          label: "Une revue des comptes et des habilitations est-elle effectuée ?",
          levels: levels(
            "Aucune revue des comptes n'est effectuée.",
            "Des revues ponctuelles ont lieu, à la suite d'un incident ou d'un audit.",
            "Une revue est faite pour certaines applications ou certains services seulement.",
            "Une revue manuelle ou automatique des comptes et des habilitations est effectuée au moins une fois par an (cible 2027 de l'objectif 1.2).",
            "Une revue automatique des comptes et des habilitations est effectuée au moins une fois par an (cible 2028 de l'objectif 1.2).",
          ),
        },
      ],
    },
    {
      id: "mie-2fa",
      objectiveCode: "1.3",
      title: "Moyens d'identification électronique à double facteur (MIE 2FA)",
      description:
        "Objectif 1.3 : utilisation d'un moyen d'identification électronique à double facteur pour l'accès au DPI, conforme au Référentiel d'Identification Électronique (RIE).",
      questions: [
        {
          id: "mie-2fa.equipement-medecins-ide",
          label: "Les médecins et les infirmiers (IDE) sont-ils équipés d'un MIE 2FA utilisable pour s'authentifier au DPI ?",
          help: "Directement ou via une authentification unique (SSO).",
          perSite: true,
          levels: levels(
            "Aucun MIE 2FA n'est déployé.",
            "Une expérimentation est menée auprès de quelques utilisateurs.",
            "Moins de la moitié des médecins et IDE sont équipés.",
            "Au moins la moitié des médecins et IDE sont équipés.",
            "Les médecins et IDE sont équipés d'un MIE 2FA utilisable pour l'authentification au DPI, directement ou via SSO (cible 2027 de l'objectif 1.3).",
          ),
        },
        {
          id: "mie-2fa.authentification-nominale",
          label: "Les utilisateurs du DPI s'authentifient-ils avec un MIE 2FA en mode nominal ?",
          perSite: true,
          levels: levels(
            "L'accès au DPI se fait par identifiant et mot de passe seulement.",
            "Le 2FA est utilisé par quelques profils ou dans quelques services.",
            "Le 2FA est utilisé par les médecins et IDE en mode nominal.",
            "Le 2FA est utilisé par la majorité des utilisateurs du DPI en mode nominal.",
            "Tous les utilisateurs du DPI s'authentifient avec un MIE 2FA en mode nominal (cible 2028 de l'objectif 1.3).",
          ),
        },
        {
          id: "mie-2fa.conformite-rie",
          label: "Les MIE sont-ils conformes au Référentiel d'Identification Électronique et homologués, modes dégradés compris ?",
          levels: levels(
            "Aucune analyse de conformité au RIE n'a été faite.",
            "L'analyse des écarts au RIE est engagée.",
            "Un plan de mise en conformité existe ; les modes dégradés sont identifiés.",
            "La commission d'homologation des MIE (PGSSI-S) a rendu sa décision, avec ou sans réserve (cible 2027 de l'objectif 1.0).",
            "Les MIE sont homologués sans réserve et la prise en charge des modes dégradés est décrite (cibles 2028 des objectifs 1.0 et 1.3).",
          ),
        },
      ],
    },
    {
      id: "acces-dmp",
      objectiveCode: "1.4",
      title: "Accès intégré au DMP depuis le DPI",
      description: "Objectif 1.4 : accès possible des utilisateurs du DPI au DMP en mode intégré, établissement homologué AIR simplifié (ou API Pro Santé Connect).",
      questions: [
        {
          id: "acces-dmp.homologation-air-psc",
          label: "L'établissement est-il homologué pour l'accès intégré au DMP en mode AIR simplifié ou par l'API Pro Santé Connect ?",
          levels: levels(
            "Aucune démarche n'est engagée.",
            "La mise à jour du DPI nécessaire (Ségur, vague 2) est planifiée.",
            "Le DPI est à jour ; la démarche d'homologation AIR simplifié ou API PSC est engagée.",
            "L'établissement est homologué ; l'accès intégré est ouvert sur un périmètre pilote.",
            "L'établissement est homologué et l'accès intégré est en production pour tout l'établissement.",
          ),
        },
        {
          id: "acces-dmp.acces-integre-utilisateurs",
          label: "Les utilisateurs habilités accèdent-ils au DMP de leurs patients depuis le DPI, en mode intégré ?",
          perSite: true,
          levels: levels(
            "Aucun accès intégré au DMP depuis le DPI.",
            "L'accès intégré est ouvert dans un service pilote.",
            "Une partie des médecins et IDE accèdent au DMP depuis le DPI.",
            "Les médecins et IDE peuvent consulter depuis le DPI, en AIR simplifié ou par API PSC, le DMP des patients ayant consenti (cible 2027 de l'objectif 1.4).",
            "Tous les utilisateurs du DPI habilités à consulter le DMP accèdent au DMP de leurs patients depuis le DPI (cible 2028 de l'objectif 1.4).",
          ),
        },
        {
          id: "acces-dmp.habilitations-dmp",
          label: "Les habilitations à la consultation du DMP sont-elles définies par profil et paramétrées dans le DPI ?",
          levels: levels(
            "Les habilitations à la consultation du DMP ne sont pas définies.",
            "La matrice des profils habilités est en cours de définition.",
            "La matrice est définie mais n'est pas paramétrée dans le DPI.",
            "Les habilitations sont paramétrées dans le DPI pour les médecins et IDE.",
            "Les habilitations sont paramétrées pour tous les profils concernés et revues avec les autres habilitations.",
          ),
        },
      ],
    },
    {
      id: "consentement",
      objectiveCode: "2.1",
      title: "Consentement du patient à la consultation du DMP",
      description: "Objectif 2.1 : le consentement des patients à la consultation de leur DMP est recueilli.",
      questions: [
        {
          id: "consentement.part-flux-mensuel",
          label: "Pour quelle part du flux mensuel de patients le consentement ou l'opposition à la consultation du DMP est-il recueilli ?",
          perSite: true,
          levels: levels(
            "Le consentement n'est pas recueilli.",
            "Moins de 25 % du flux mensuel de patients.",
            "De 25 % à moins de 75 % du flux mensuel de patients.",
            "Au moins 75 % du flux mensuel de patients (cible 2027 de l'objectif 2.1).",
            "Au moins 90 % du flux mensuel de patients (cible 2028 de l'objectif 2.1).",
          ),
        },
        {
          id: "consentement.organisation-recueil",
          label: "Comment le recueil du consentement est-il organisé, en amont ou lors de la prise en charge ?",
          perSite: true,
          levels: levels(
            "Aucune organisation n'est définie.",
            "L'organisation est définie pour un service ou un parcours.",
            "Le recueil est organisé à l'admission, sans relais dans les services de soins.",
            "Le recueil est organisé à l'admission et dans les services de soins.",
            "Le recueil a lieu en amont (préadmission) ou lors de la prise en charge, et son taux est suivi chaque mois.",
          ),
        },
        {
          id: "consentement.tracabilite-ins",
          label: "Le consentement est-il tracé dans le DPI, et l'identité nationale de santé (INS) des patients est-elle qualifiée ?",
          levels: levels(
            "Le consentement n'est pas tracé.",
            "Le consentement est tracé sur papier ou hors du DPI.",
            "Le consentement est tracé dans le DPI pour une partie des patients.",
            "Le consentement est tracé dans le DPI ; l'INS est qualifiée pour la majorité des patients.",
            "Le consentement est tracé systématiquement dans le DPI et l'INS est qualifiée pour tous les patients pris en charge.",
          ),
        },
      ],
    },
    {
      id: "consultation-dmp",
      objectiveCode: "2.2",
      title: "Consultation effective du DMP",
      description:
        "Objectif 2.2 : la consultation du DMP est effective pour les professionnels habilités, pour les patients ayant donné leur consentement et dont l'INS est qualifiée.",
      questions: [
        {
          id: "consultation-dmp.part-utilisateurs-td31",
          label:
            "Quelle part des utilisateurs habilités du DPI a consulté dans le mois le DMP d'un patient par une transaction automatique (TD3.1) ?",
          perSite: true,
          levels: levels(
            "Aucune consultation du DMP par transaction automatique (TD3.1).",
            "Moins de 10 % des utilisateurs habilités.",
            "De 10 % à moins de 40 % des utilisateurs habilités.",
            "Au moins 40 % des utilisateurs habilités du DPI ont consulté dans le mois le DMP d'un patient par une transaction automatique TD3.1 (cible 2027 de l'objectif 2.2).",
            "Au moins 60 % des utilisateurs habilités du DPI ont consulté dans le mois le DMP d'un patient par une transaction automatique TD3.1 (cible 2028 de l'objectif 2.2).",
          ),
        },
        {
          id: "consultation-dmp.suivi-indicateur",
          label: "L'indicateur de consultation du DMP est-il suivi ?",
          levels: levels(
            "L'indicateur n'est pas suivi.",
            "L'indicateur est relevé ponctuellement.",
            "L'indicateur est suivi chaque trimestre.",
            "L'indicateur est suivi chaque mois.",
            "L'indicateur est suivi chaque mois par service, présenté en gouvernance et assorti d'un plan d'action.",
          ),
        },
        {
          id: "consultation-dmp.accompagnement-professionnels",
          label: "Les professionnels sont-ils formés et accompagnés à la consultation du DMP depuis le DPI ?",
          perSite: true,
          levels: levels(
            "Aucune action d'accompagnement.",
            "Une information générale a été diffusée.",
            "Des formations ont eu lieu dans les services pilotes.",
            "Les médecins et IDE ont été formés.",
            "Tous les professionnels habilités ont été formés et des référents accompagnent les services.",
          ),
        },
      ],
    },
  ],
};

/** Checked against the schema when the module loads: a broken default never reaches the database. */
export const DEFAULT_QUESTIONNAIRE: QuestionnaireDefinition = parseQuestionnaireDefinition(definition);
