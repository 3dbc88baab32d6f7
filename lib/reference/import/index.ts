export { importCombinedActivityCsv, parseActivityValue } from "./combined-activity";
export { cell, parseCsvLine } from "./csv";
export { describeFirstLine } from "./detect";
export { ImportFileError } from "./errors";
export { importFinessFlatCsv, importFinessStructureet, legalStatusSignal } from "./finess";
export { LineSource } from "./lines";
export { departementOfPostalCode, regionOfDepartement, regionOfPostalCode } from "./regions";
export { MAX_STORED_REJECTS, type ImportCounts, type ImportMeta, type ImportReport, type RejectedLine } from "./run";
export { importSaeSygen, SYGEN_COLUMNS } from "./sae";
