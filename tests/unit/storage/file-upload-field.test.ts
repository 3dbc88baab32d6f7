import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FileUploadField } from "@/components/upload/file-upload-field";

// Server-rendered markup of the field: what a keyboard or screen-reader user gets before any script runs.
/** The attributes of the button whose content is `content`. */
function buttonAttributes(html: string, content: string): string {
  return new RegExp(`<button([^>]*)>${content}</button>`).exec(html)?.[1] ?? "";
}

function render(props: Parameters<typeof FileUploadField>[0]): string {
  return renderToStaticMarkup(createElement(FileUploadField, props)).replace(/[\u202f\u00a0]/g, " ");
}

const file = { id: "f1", name: "Note de cadrage.pdf", size: Math.round(2.45 * 1024 * 1024), sha256: "ab12cd34ef56".padEnd(64, "0"), mediaType: "application/pdf" };

describe("FileUploadField markup (DSFR upload, French control)", () => {
  it("DSFR's upload group: a real file input, labelled, with the purpose's rules in the hint (source 003's wording)", () => {
    const html = render({ purpose: "NOTE_DE_CADRAGE", label: "Déposer un fichier", context: "Note de cadrage", multiple: true });
    const inputId = /<input[^>]*id="([^"]+)"[^>]*type="file"/.exec(html)?.[1] ?? /<input[^>]*type="file"[^>]*id="([^"]+)"/.exec(html)?.[1];
    expect(inputId).toBeTruthy();
    expect(html).toContain('class="fr-upload-group"');
    expect(html).toMatch(new RegExp(`<label class="fr-label"[^>]*for="${inputId}">Déposer un fichier<span class="fr-sr-only"> — Note de cadrage</span><span class="fr-hint-text">`));
    expect(html).toContain("Taille &lt; 100 Mo. Les formats autorisés sont : pdf, zip. Cet espace accepte 20 fichiers maximum. Pour en déposer davantage, regroupez-les dans une archive zip.");
    expect(html).toMatch(/<input[^>]*multiple=""/);
    expect(html).toContain('accept=".pdf,.zip,application/pdf,application/zip"');
    // No description pointing at an error message that is not there.
    expect(html).not.toContain("aria-describedby=\"" + inputId + "-desc-error\"");
  });

  it("the control is French (« Glissez-déposez … ou Parcourir »), a button in the tab order; the native input is out of it", () => {
    const html = render({ purpose: "NOTE_DE_CADRAGE", label: "Déposer un fichier", context: "Note de cadrage", multiple: true });
    expect(html).toContain("Glissez-déposez vos fichiers ici ou");
    const browse = buttonAttributes(html, 'Parcourir<span class="fr-sr-only"> — Note de cadrage</span>');
    expect(browse).toContain('type="button"');
    expect(browse).toContain('data-focus-target="true"');
    expect(browse).toContain('class="fr-btn fr-btn--secondary fr-btn--sm"');
    expect(html).toMatch(/<input[^>]*class="fr-upload fr-sr-only"[^>]*tabindex="-1"/);
    expect(html).not.toMatch(/Choose File|No file chosen/);
    expect(render({ purpose: "GHT_MANDATE", label: "Déposer un fichier" })).toContain("Glissez-déposez votre fichier ici ou");
  });

  it("live regions are present before anything happens", () => {
    const html = render({ purpose: "NOTE_DE_CADRAGE", label: "Note de cadrage" });
    expect(html).toContain('aria-live="assertive"');
    expect(html).toContain('aria-live="polite"');
  });

  it("a single-file field says 1 fichier; maxFiles overrides the purpose's count", () => {
    expect(render({ purpose: "GHT_MANDATE", label: "Mandat" })).toContain("Cet espace accepte 1 fichier.");
    expect(render({ purpose: "CARE_FINANCIAL_STATEMENT", label: "Trame", multiple: true })).toContain("xls, xlsx, pdf, zip. Cet espace accepte 10 fichiers maximum.");
    expect(render({ purpose: "NOTE_DE_CADRAGE", label: "Note", multiple: true, maxFiles: 5 })).toContain("Cet espace accepte 5 fichiers maximum.");
  });

  it("an uploaded file shows its name (a download link), French size, short SHA-256 with the full one in title, and a DSFR remove button", () => {
    const html = render({ purpose: "NOTE_DE_CADRAGE", label: "Note de cadrage", initialFiles: [file] });
    expect(html).toContain('<a href="/api/fichiers/f1">Note de cadrage.pdf</a>');
    expect(html).toContain("<span>2,4 Mo</span>");
    expect(html).toContain(`title="${file.sha256}"><span class="fr-sr-only">Empreinte </span>SHA-256 ab12cd34ef56…</span>`);
    const remove = buttonAttributes(html, "Retirer");
    expect(remove).toContain('aria-label="Retirer Note de cadrage.pdf"');
    expect(remove).toContain('type="button"');
    expect(remove).toContain('class="fr-btn fr-btn--tertiary fr-btn--sm"');
  });

  it("showUploadedFiles={false} leaves the list to the parent", () => {
    expect(render({ purpose: "NOTE_DE_CADRAGE", label: "Note", initialFiles: [file], showUploadedFiles: false })).not.toContain("Note de cadrage.pdf");
  });

  it("a disabled field disables its button too", () => {
    expect(buttonAttributes(render({ purpose: "NOTE_DE_CADRAGE", label: "Note", disabled: true }), "Parcourir")).toContain('disabled=""');
    expect(buttonAttributes(render({ purpose: "NOTE_DE_CADRAGE", label: "Note" }), "Parcourir")).not.toContain("disabled");
  });
});
