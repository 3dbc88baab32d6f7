import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FileUploadField } from "@/components/upload/file-upload-field";

// Server-rendered markup of the field: what a keyboard or screen-reader user gets before any script runs.
function render(props: Parameters<typeof FileUploadField>[0]): string {
  return renderToStaticMarkup(createElement(FileUploadField, props)).replace(/[\u202f\u00a0]/g, " ");
}

const file = { id: "f1", name: "Note de cadrage.pdf", size: Math.round(2.45 * 1024 * 1024), sha256: "ab12cd34ef56".padEnd(64, "0"), mediaType: "application/pdf" };

describe("FileUploadField markup", () => {
  it("a real file input, labelled, described by the purpose's rules", () => {
    const html = render({ purpose: "NOTE_DE_CADRAGE", label: "Note de cadrage", multiple: true });
    const inputId = /<input[^>]*id="([^"]+)"[^>]*type="file"/.exec(html)?.[1];
    expect(inputId).toBeTruthy();
    expect(html).toContain(`<label for="${inputId}"`);
    expect(html).toMatch(/<input[^>]*multiple=""/);
    expect(html).toContain('accept=".pdf,.zip,application/pdf,application/zip"');
    expect(html).toContain(`aria-describedby="${inputId}-aide"`);
    expect(html).toContain(`<p id="${inputId}-aide" class="text-sm">Taille &lt; 100 Mo. Les formats autorisés sont : pdf, zip. 20 fichiers maximum.</p>`);
  });

  it("live regions are present before anything happens", () => {
    const html = render({ purpose: "NOTE_DE_CADRAGE", label: "Note de cadrage" });
    expect(html).toContain('aria-live="assertive"');
    expect(html).toContain('aria-live="polite"');
  });

  it("a single-file field says 1 fichier maximum; maxFiles overrides the purpose's count", () => {
    expect(render({ purpose: "GHT_MANDATE", label: "Mandat" })).toContain("1 fichier maximum.");
    expect(render({ purpose: "CARE_FINANCIAL_STATEMENT", label: "Trame", multiple: true })).toContain("xls, xlsx, pdf, zip. 10 fichiers maximum.");
    expect(render({ purpose: "NOTE_DE_CADRAGE", label: "Note", multiple: true, maxFiles: 5 })).toContain("5 fichiers maximum.");
  });

  it("an uploaded file shows its name (a download link), French size, short SHA-256 with the full one in title, and a remove button", () => {
    const html = render({ purpose: "NOTE_DE_CADRAGE", label: "Note de cadrage", initialFiles: [file] });
    expect(html).toContain('<a href="/api/fichiers/f1" class="font-semibold">Note de cadrage.pdf</a>');
    expect(html).toContain("<span>2,4 Mo</span>");
    expect(html).toContain(`<code title="${file.sha256}" class="bg-fond-alt px-1">ab12cd34ef56…</code>`);
    expect(html).toMatch(/<button type="button"[^>]*aria-label="Retirer Note de cadrage.pdf">Retirer<\/button>/);
  });

  it("showUploadedFiles={false} leaves the list to the parent", () => {
    expect(render({ purpose: "NOTE_DE_CADRAGE", label: "Note", initialFiles: [file], showUploadedFiles: false })).not.toContain("Note de cadrage.pdf");
  });
});
