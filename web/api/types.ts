// Wire types: the one definition lives in server/wire.ts (type-only imports; nothing of the server is bundled).
import type {
  CellValue as WireCellValue,
  ErrorCellValue,
  ExplainResult,
  FieldGroup,
  FormulaCheckResult,
  ImportCommit,
  SelectOption as WireSelectOption,
} from '../../server/wire';

export type {
  BadRow,
  Change,
  Diagnostic,
  Field,
  FieldInput,
  FieldPatch,
  FieldType,
  Filter,
  FilterCondition,
  FilterOp,
  ImportCommitResult,
  ImportPreview,
  Language,
  ResultType,
  Row,
  RowsInsertResult,
  RowsPage,
  SummaryGroup,
  SummaryResult,
  Table,
  TableSummary,
  TraceNode,
  TrashItem,
  UndoResult,
  Workbook,
  WriteResult,
  ImportColumnType,
  RestoreResult,
} from '../../server/wire';

export type CellValue = WireCellValue;
export type ErrorValue = ErrorCellValue;
export type SelectOption = WireSelectOption;
export type GroupDef = FieldGroup;
export type FormulaCheck = FormulaCheckResult;
export type Explain = ExplainResult;
export type ImportCommitBody = ImportCommit;
