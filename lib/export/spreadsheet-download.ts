import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { contentDisposition } from "@/lib/storage/file-access";

/** The two formats every export offers: CSV for tools, XLSX for the budget teams. */
export type ExportFormat = "csv" | "xlsx";

const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export function isExportFormat(value: string | null): value is ExportFormat {
  return value === "csv" || value === "xlsx";
}

/** A download of an export: never cached by a shared cache, never sniffed. */
export function exportResponse(body: BodyInit, format: ExportFormat, fileName: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": contentDisposition("attachment", fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * One sheet streamed with exceljs's writer (each committed row is written and freed), with a
 * bold, frozen header row. `fill` adds the rows; a failure ends the download with an error.
 */
export function xlsxDownload(
  sheetName: string,
  columns: Partial<ExcelJS.Column>[],
  fill: (addRow: (values: unknown[]) => void) => Promise<void>,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Guichet HospiConnect";
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  const write = async () => {
    await fill((values) => sheet.addRow(values).commit());
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => {
    onError(error);
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
