import { describe, expect, it } from "vitest";
import {
  accepted,
  changesRequested,
  dossierUrl,
  draftReminder,
  guichetTitle,
  refused,
  submittedToArs,
  submittedToEstablishment,
  type DossierMailFacts,
  type MailContent,
} from "@/lib/notifications/templates";

const deposit: DossierMailFacts = {
  guichetLabel: "HospiConnect – Jalon juin 2026",
  guichetYear: 2026,
  guichetKind: "MILESTONE_DEPOSIT",
  dossierNumber: "HC-J2026-000042",
  establishmentName: "Centre hospitalier de Montbrasset",
  link: "https://guichet.example.fr/etablissement/dossiers/d42",
};

const arsFacts: DossierMailFacts = { ...deposit, link: "https://guichet.example.fr/ars/dossiers/d42" };

const candidature: DossierMailFacts = {
  ...deposit,
  guichetLabel: "HospiConnect – Candidature HOP'EN2 2026",
  guichetKind: "CANDIDATURE",
  dossierNumber: "HC-C2026-000007",
};

/** Every e-mail: greeting, signature of the portal, no trace of Convergence or of the source's typos. */
function expectHouseStyle(mail: MailContent) {
  expect(mail.text.startsWith("Bonjour,\n\n")).toBe(true);
  expect(mail.text.trimEnd().endsWith("Cordialement,\nL'équipe Guichet HospiConnect")).toBe(true);
  for (const part of [mail.subject, mail.text]) {
    expect(part).not.toMatch(/Convergence/);
    expect(part).not.toMatch(/HospiceConnect/i);
    expect(part).not.toMatch(/La dossier/);
    expect(part).not.toMatch(/undefined|null|NaN|\[object/);
  }
  expect(mail.subject).not.toMatch(/\n/);
}

describe("guichet title and links", () => {
  it("uses the guichet label, adding the year only when the label lacks it", () => {
    expect(guichetTitle("HospiConnect – Jalon juin 2026", 2026)).toBe("HospiConnect – Jalon juin 2026");
    expect(guichetTitle("HospiConnect – Jalon juin", 2027)).toBe("HospiConnect – Jalon juin 2027");
  });

  it("links to the dossier in the recipient's space", () => {
    expect(dossierUrl("http://localhost:3000/", "etablissement", "abc")).toBe("http://localhost:3000/etablissement/dossiers/abc");
    expect(dossierUrl("https://guichet.example.fr", "ars", "abc")).toBe("https://guichet.example.fr/ars/dossiers/abc");
  });
});

describe("source 003: e-mails on submission of the deposit form", () => {
  it("to the establishment: « [HospiConnect Jalon juin 2026] - Transmission de votre formulaire de dépôt à votre ARS – <n°> »", () => {
    const mail = submittedToEstablishment(deposit);
    expect(mail.subject).toBe("[HospiConnect – Jalon juin 2026] - Transmission de votre formulaire de dépôt à votre ARS – HC-J2026-000042");
    expect(mail.text).toContain(
      "À la suite de la complétion et de la soumission de votre formulaire de dépôt au guichet HospiConnect – Jalon juin 2026, votre dossier a été transmis à votre ARS qui va pouvoir procéder à son instruction.",
    );
    expect(mail.text).toContain("Votre ARS s'emploie à traiter celui-ci dans les meilleurs délais.");
    expect(mail.text).toContain("Pour suivre l'avancement de votre dossier HC-J2026-000042, connectez-vous au Guichet HospiConnect avec vos identifiants :\nhttps://guichet.example.fr/etablissement/dossiers/d42");
    expectHouseStyle(mail);
  });

  it("to the ARS: « (Convergence) Transmission du formulaire de dépôt HospiConnect - Jalon juin 2026 – <n°> - <établissement> », with « Le dossier » (not « La dossier »)", () => {
    const mail = submittedToArs(arsFacts);
    expect(mail.subject).toBe("(Guichet HospiConnect) Transmission du formulaire de dépôt HospiConnect – Jalon juin 2026 – HC-J2026-000042 - Centre hospitalier de Montbrasset");
    expect(mail.text).toContain("Le dossier numéro HC-J2026-000042 a été transmis par l'établissement de santé Centre hospitalier de Montbrasset.");
    expect(mail.text).toContain("Connectez-vous avec vos identifiants à votre espace pour accéder à ce dossier : https://guichet.example.fr/ars/dossiers/d42");
    expect(mail.text).not.toContain("nouvelle transmission");
    expectHouseStyle(mail);
  });

  it("a candidature is a « formulaire de candidature » at its own guichet", () => {
    const mail = submittedToEstablishment(candidature);
    expect(mail.subject).toBe("[HospiConnect – Candidature HOP'EN2 2026] - Transmission de votre formulaire de candidature à votre ARS – HC-C2026-000007");
    expect(mail.text).toContain("soumission de votre formulaire de candidature au guichet HospiConnect – Candidature HOP'EN2 2026");
    expectHouseStyle(mail);
  });
});

describe("source 003: e-mails on resubmission after a change request (the same subjects, without « HospiceConnect »)", () => {
  it("to the establishment", () => {
    const mail = submittedToEstablishment({ ...deposit, resubmission: true });
    expect(mail.subject).toBe("[HospiConnect – Jalon juin 2026] - Transmission de votre formulaire de dépôt à votre ARS – HC-J2026-000042");
    expect(mail.text).toContain("votre dossier HC-J2026-000042 a été transmis à nouveau à votre ARS");
    expect(mail.text).toContain("Votre ARS s'emploie à traiter celui-ci dans les meilleurs délais.");
    expectHouseStyle(mail);
  });

  it("to the ARS, which learns that it is a new transmission", () => {
    const mail = submittedToArs({ ...arsFacts, resubmission: true });
    expect(mail.subject).toBe("(Guichet HospiConnect) Transmission du formulaire de dépôt HospiConnect – Jalon juin 2026 – HC-J2026-000042 - Centre hospitalier de Montbrasset");
    expect(mail.text).toContain("Le dossier numéro HC-J2026-000042 a été transmis par l'établissement de santé Centre hospitalier de Montbrasset.");
    expect(mail.text).toContain("Il s'agit d'une nouvelle transmission, à la suite de la demande de complément de votre ARS.");
    expectHouseStyle(mail);
  });
});

describe("source 003: e-mail on a change request by the ARS", () => {
  const mail = changesRequested({
    ...deposit,
    message: "Merci de joindre la note de cadrage signée.",
    points: [
      { label: "Note de cadrage — CH de Montbrasset", reason: "INCOMPLETE", comment: "La page de signature manque." },
      { label: "NRU de l'autoévaluation", reason: "OUTDATED", comment: "" },
    ],
  });

  it("subject « [Hospiconnect Jalon juin 2026] - Demande de complément de l'étape Formulaire de dépôt du dossier <n°> »", () => {
    expect(mail.subject).toBe("[HospiConnect – Jalon juin 2026] - Demande de complément de l'étape Formulaire de dépôt du dossier HC-J2026-000042");
  });

  it("the source's sentences, then the ARS's message and the points with their reason", () => {
    expect(mail.text).toContain(
      "Dans le cadre de l'instruction de votre dossier HC-J2026-000042 par l'ARS, nous vous informons qu'une demande de complément a été émise concernant la complétion de votre formulaire de dépôt au guichet HospiConnect – Jalon juin 2026.",
    );
    expect(mail.text).toContain("Message de votre ARS :\nMerci de joindre la note de cadrage signée.");
    expect(mail.text).toContain("- Note de cadrage — CH de Montbrasset : incomplet — La page de signature manque.");
    expect(mail.text).toContain("- NRU de l'autoévaluation : obsolète\n");
    expect(mail.text).toContain("Pour consulter cette demande, veuillez vous connecter au Guichet HospiConnect à l'aide de vos identifiants :\nhttps://guichet.example.fr/etablissement/dossiers/d42");
    expect(mail.text).toContain(
      "Vous pourrez ensuite modifier votre saisie et, une fois les corrections apportées, transmettre à nouveau le formulaire à votre ARS via le Guichet HospiConnect.",
    );
    expectHouseStyle(mail);
  });

  it("without points, no empty list", () => {
    const bare = changesRequested({ ...deposit, message: "Voir le dossier.", points: [] });
    expect(bare.text).not.toContain("Éléments à reprendre");
  });
});

describe("source 003: e-mails on the ARS decision", () => {
  it("acceptance: « (Convergence) Formulaire de dépôt Hospiconnect Jalon juin 2026 accepté - <n°> », with the amount decided per EJ", () => {
    const mail = accepted({
      ...deposit,
      amounts: [
        { finess: "998400402", name: "CH de Montbrasset", decidedCents: 3_905_000 },
        { finess: "998400410", name: "CH de Vallon", decidedCents: 1_000_050 },
      ],
    });
    expect(mail.subject).toBe("(Guichet HospiConnect) Formulaire de dépôt HospiConnect – Jalon juin 2026 accepté - HC-J2026-000042");
    // source 003_7e8834ec9bc46d44.txt, word for word (our guichet label).
    expect(mail.text).toContain("Bonjour,\n\nVotre formulaire de dépôt au guichet HospiConnect – Jalon juin 2026 a été accepté par votre ARS.\n\nDossier : HC-J2026-000042");
    // formatEuros: narrow no-break space as thousands separator, no-break space before €.
    expect(mail.text).toContain("Montants accordés par votre ARS :\n- CH de Montbrasset (FINESS 998400402) : 39\u202f050,00\u00a0€\n- CH de Vallon (FINESS 998400410) : 10\u202f000,50\u00a0€\nTotal : 49\u202f050,50\u00a0€");
    expectHouseStyle(mail);
  });

  it("acceptance of a single EJ names its amount; of a candidature, no amount at all", () => {
    const single = accepted({ ...deposit, amounts: [{ finess: "998400402", name: "CH de Montbrasset", decidedCents: 3_905_000 }] });
    expect(single.text).toContain("Montant accordé par votre ARS :\n- CH de Montbrasset (FINESS 998400402) : 39\u202f050,00\u00a0€");
    expect(single.text).not.toContain("Total");
    const none = accepted({ ...candidature, amounts: [] });
    expect(none.subject).toBe("(Guichet HospiConnect) Formulaire de candidature HospiConnect – Candidature HOP'EN2 2026 accepté - HC-C2026-000007");
    expect(none.text).not.toContain("Montant");
    expectHouseStyle(none);
  });

  it("an amount below the maximum says the maximum and the ARS's reason, each line of it indented under its EJ", () => {
    const mail = accepted({
      ...deposit,
      amounts: [
        { finess: "998400402", name: "CH de Montbrasset", decidedCents: 2_500_000, capCents: 3_000_000, partialAwardReason: "  Dépenses éditeurs non justifiées.\nFacture attendue.  " },
        { finess: "998400410", name: "CH de Vallon", decidedCents: 1_000_050, capCents: 1_000_050, partialAwardReason: null },
      ],
    });
    expect(mail.text).toContain(
      "Montants accordés par votre ARS :\n" +
        "- CH de Montbrasset (FINESS 998400402) : 25\u202f000,00\u00a0€ accordés sur un montant maximal de 30\u202f000,00\u00a0€\n" +
        "  Motif indiqué par votre ARS : Dépenses éditeurs non justifiées.\n  Facture attendue.\n" +
        "- CH de Vallon (FINESS 998400410) : 10\u202f000,50\u00a0€\n" +
        "Total : 35\u202f000,50\u00a0€",
    );
    expectHouseStyle(mail);
  });

  it("refusal: « (Convergence) Dossier refusé - <n°> », with the reason", () => {
    const mail = refused({ ...deposit, reason: "Les preuves ne concernent pas l'exercice 2026." });
    expect(mail.subject).toBe("(Guichet HospiConnect) Dossier refusé - HC-J2026-000042");
    expect(mail.text).toContain("Nous vous informons que votre dossier HC-J2026-000042 au guichet HospiConnect – Jalon juin 2026 a été refusé.");
    expect(mail.text).toContain("Motif indiqué par votre ARS :\nLes preuves ne concernent pas l'exercice 2026.");
    expectHouseStyle(mail);
  });
});

describe("reminder of a dossier not yet transmitted", () => {
  it("a draft, 5 days before the guichet closes (closing day counted)", () => {
    const mail = draftReminder({ ...deposit, deadline: "2026-06-26", daysLeft: 5, status: "DRAFT" });
    expect(mail.subject).toBe("[HospiConnect – Jalon juin 2026] - Rappel : votre dossier HC-J2026-000042 n'est pas encore transmis à votre ARS");
    expect(mail.text).toContain("Votre dossier HC-J2026-000042 (Centre hospitalier de Montbrasset) n'a pas encore été transmis à votre ARS.");
    expect(mail.text).toContain(
      "Le guichet HospiConnect – Jalon juin 2026 ferme le 26 juin 2026 à 23 h 59 (heure de Paris) : il vous reste 5 jours pour compléter et transmettre votre formulaire de dépôt.",
    );
    expect(mail.text).toContain("https://guichet.example.fr/etablissement/dossiers/d42");
    expectHouseStyle(mail);
  });

  it("on the closing day", () => {
    const mail = draftReminder({ ...deposit, deadline: "2026-06-26", daysLeft: 1, status: "DRAFT" });
    expect(mail.text).toContain("ferme le 26 juin 2026 à 23 h 59 (heure de Paris) : c'est aujourd'hui le dernier jour pour compléter et transmettre");
  });

  it("a dossier sent back by the ARS, before the end of instruction", () => {
    const mail = draftReminder({ ...deposit, deadline: "2026-09-15", daysLeft: 3, status: "CHANGES_REQUESTED" });
    expect(mail.subject).toBe("[HospiConnect – Jalon juin 2026] - Rappel : complément attendu sur votre dossier HC-J2026-000042");
    expect(mail.text).toContain("jusqu'à la fin de l'instruction, le 15 septembre 2026 à 23 h 59 (heure de Paris) : il vous reste 3 jours");
    expectHouseStyle(mail);
  });
});
