// The partnership matrix's public API, re-exported by src/index.ts: the class and its DOM-free helpers.
export { LcPartnershipMatrix, type SectorOption, type MatrixLayout } from './lc-partnership-matrix.js';
export {
  MatrixModel,
  DEFAULT_SECTORS,
  PUBLIC_AUTHORITY,
  TIE_LEVELS,
  actorIdFor,
  type TieLevel,
  type MatrixData,
  type RemovedActor,
} from './matrix-model.js';
export { computeFigures as computeMatrixFigures, type MatrixFigures, type SectorLink } from './figures.js';
export { csvField, tiesToCsv, actorsToCsv } from './csv.js';
export {
  MATRIX_EXPORT_SCHEMA,
  validateMatrixData,
  parseMatrixJson,
  matrixToJson,
  describeProblem as describeMatrixProblem,
  type MatrixExport,
  type DataProblem as MatrixDataProblem,
  type DataResult as MatrixDataResult,
} from './json.js';
export { strings as partnershipMatrixStrings } from './strings.js';
