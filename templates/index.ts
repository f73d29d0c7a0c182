// The only entry of templates/: ready-made segmentation schemes as data + formula templates, rendering them
// into real formulas for a user's table, suggesting a mapping, "from transactions", and sample data.

export {
  templateSchema,
  localizedSchema,
  inputSchema,
  parameterSchema,
  outputSchema,
  groupSchema,
  chartSchema,
  SUMMARY_FIELD_KEYS,
  SAMPLE_GENERATORS,
  type Template,
  type TemplateDefinition,
  type TemplateInput,
  type TemplateParameter,
  type TemplateOutput,
  type TemplateGroup,
  type TemplateChart,
  type TemplateCondition,
  type ParameterValue,
  type Localized,
  type SampleGeneratorId,
} from './schema';
export { listTemplates, getTemplate } from './catalog';
export {
  renderTemplate,
  resolveParameters,
  renderFormula,
  chooseFormula,
  parameterLiteral,
  type RenderOptions,
  type RenderResult,
  type RenderedOutput,
  type RenderedGroup,
  type TemplateProblem,
  type TemplateProblemCode,
} from './render';
export { parseFormulaTemplate, type Placeholder, type PlaceholderKind } from './placeholders';
export { type Language, pick, textLiteral, tableRef, numberLiteral } from './literals';
export {
  suggestMapping,
  normalizeName,
  looksLikeUnitPrice,
  unitPriceWarning,
  type FieldInfo,
  type MappableInput,
  type MappingSuggestion,
  type InputSuggestion,
} from './mapping';
export {
  ORDER_INPUTS,
  SUMMARY_FIELDS,
  renderTransactionSummary,
  summaryMapping,
  type OrderInputKey,
  type SummaryFieldKey,
  type SummaryOptions,
  type SummaryResult,
  type RenderedSummaryField,
} from './orders';
export {
  generateSampleData,
  sampleTableData,
  CUSTOMER_FIELDS,
  ORDER_FIELDS,
  DEFAULT_SEED,
  DEFAULT_AS_OF,
  MAX_SAMPLE_ROWS,
  type SampleData,
  type SampleOptions,
  type SampleTable,
  type SampleField,
  type SampleValue,
} from './sample-data/generate';
export { templateSample, type TemplateSample } from './sample';
export { lineAmount, looksLikeQuantity, type LineAmount } from './order-amount';
export { asOfHint, usesToday, dateInputs, staleAfterDays, DEFAULT_STALE_DAYS, type AsOfHint } from './as-of';

import { getTemplate } from './catalog';
import type { Language } from './literals';
import { suggestMapping, type FieldInfo, type MappingSuggestion } from './mapping';
import { ORDER_INPUTS } from './orders';

/** Suggests a field of the user's table for each input of a template (undefined: no such template). */
export function suggestTemplateMapping(
  templateId: string,
  fields: readonly FieldInfo[],
  language: Language,
): MappingSuggestion | undefined {
  const template = getTemplate(templateId);
  return template ? suggestMapping(template.inputs, fields, language) : undefined;
}

/** Suggests the orders table's fields for "from transactions" (customer, date, amount, order, channel). */
export function suggestOrdersMapping(fields: readonly FieldInfo[], language: Language): MappingSuggestion {
  return suggestMapping(ORDER_INPUTS, fields, language);
}
export { previewTemplate, countGroups, countedGroups, type PreviewResult, type PreviewedOutput, type GroupCount } from './preview';
export { localizeTemplate, outputNameConflicts, type LocalizedTemplate } from './localize';
export { templateThumbnail, galleryThumbnails, type Thumbnail, type GalleryThumbnails } from './gallery';
