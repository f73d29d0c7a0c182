// Every template, validated once against the schema when the module loads (an invalid one is a bug).
import { abc } from './abc/template';
import { clvTemplate } from './clv/template';
import { customerType } from './customer-type/template';
import { geography } from './geography/template';
import { lifecycle } from './lifecycle/template';
import { purchaseBehaviour } from './purchase-behaviour/template';
import { relationship } from './relationship/template';
import { rfm } from './rfm/template';
import { templateSchema, type Template, type TemplateDefinition } from './schema';
import { valueTiers } from './value-tiers/template';

/** In gallery order. */
export const TEMPLATE_DEFINITIONS: readonly TemplateDefinition[] = [
  valueTiers,
  abc,
  rfm,
  lifecycle,
  purchaseBehaviour,
  customerType,
  geography,
  relationship,
  clvTemplate,
];

const TEMPLATES: readonly Template[] = TEMPLATE_DEFINITIONS.map((definition) => {
  const parsed = templateSchema.safeParse(definition);
  if (!parsed.success) throw new Error(`template "${definition.id}" is invalid: ${parsed.error.message}`);
  return Object.freeze(parsed.data);
});

export function listTemplates(): readonly Template[] {
  return TEMPLATES;
}

export function getTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
