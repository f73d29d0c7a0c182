// Wire types: the one definition lives in common/wire/ (type-only imports here).
import type {
  CellValue as WireCellValue,
  ErrorCellValue,
  ExplainResult,
  FieldGroup,
  FormulaCheckResult,
  ImportCommit,
  SelectOption as WireSelectOption,
} from '../../common';

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
} from '../../common';

export type CellValue = WireCellValue;
export type ErrorValue = ErrorCellValue;
export type SelectOption = WireSelectOption;
export type GroupDef = FieldGroup;
export type FormulaCheck = FormulaCheckResult;
export type Explain = ExplainResult;
export type ImportCommitBody = ImportCommit;
