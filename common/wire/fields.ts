// Wire: fields (shared/API.md).
import { z } from 'zod';
import { NameSchema } from './names';

export const FIELD_TYPES = ['text', 'number', 'date', 'boolean', 'select', 'formula'] as const;
export const FieldTypeSchema = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldTypeSchema>;
export const RESULT_TYPES = ['text', 'number', 'date', 'boolean', 'mixed'] as const;
export const ResultTypeSchema = z.enum(RESULT_TYPES);
export type ResultType = z.infer<typeof ResultTypeSchema>;

export const SelectOptionSchema = z.object({ value: z.string().min(1).max(500), color: z.string().max(50) });
export type SelectOption = z.infer<typeof SelectOptionSchema>;
export const FieldGroupSchema = z.object({
  value: z.string().min(1).max(500),
  color: z.string().max(50),
  description: z.string().max(2000).optional(),
  action: z.string().max(2000).optional(),
});
export type FieldGroup = z.infer<typeof FieldGroupSchema>;

export const FieldSchema = z.object({
  id: z.string(),
  tableId: z.string(),
  name: z.string(),
  type: FieldTypeSchema,
  /** Shown form, with names. */
  formula: z.string().optional(),
  resultType: ResultTypeSchema.optional(),
  options: z.array(SelectOptionSchema).optional(),
  groups: z.array(FieldGroupSchema).optional(),
  description: z.string().optional(),
  format: z.string().optional(),
  hidden: z.boolean().optional(),
});
export type Field = z.infer<typeof FieldSchema>;

export const FieldInputSchema = z.object({
  name: NameSchema,
  type: FieldTypeSchema,
  formula: z.string().max(8000).optional(),
  options: z.array(SelectOptionSchema).max(1000).optional(),
  groups: z.array(FieldGroupSchema).max(1000).optional(),
  description: z.string().max(5000).optional(),
  format: z.string().max(200).optional(),
  hidden: z.boolean().optional(),
});
export type FieldInput = z.infer<typeof FieldInputSchema>;

export const FieldPatchSchema = FieldInputSchema.partial().extend({
  /** Apply a lossy type change (values that do not convert become blank). */
  confirm: z.boolean().optional(),
});
export type FieldPatch = z.infer<typeof FieldPatchSchema>;
