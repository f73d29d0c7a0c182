// A gallery card's thumbnail: the template applied to a small sample, counted by the groups of its first chart.

import type { Language } from './literals';
import { previewTemplate } from './preview';
import { templateSample } from './sample';
import type { Template } from './schema';

export interface Thumbnail {
  readonly chart: Template['charts'][number];
  readonly output: string;
  readonly groups: readonly { key: string; value: string; color: string; count: number }[];
}

/** Counts for the first chart whose x is a grouping output (undefined when there is none). */
export function templateThumbnail(t: Template, language: Language, options: { customers?: number; seed?: number } = {}): Thumbnail | undefined {
  const chart = t.charts.find((c) => c.x.startsWith('output:') && t.outputs.find((o) => `output:${o.key}` === c.x)?.groups);
  if (!chart) return undefined;
  const outputKey = chart.x.slice('output:'.length);
  const sample = templateSample(t, { language, customers: options.customers ?? 200, ...(options.seed === undefined ? {} : { seed: options.seed }) });
  const result = previewTemplate(t, sample.table, { language, mapping: sample.mapping, asOf: sample.asOf });
  if (!result.ok) return undefined;
  const out = result.outputs.find((o) => o.output.key === outputKey);
  const colors = new Map(out?.output.groups?.map((g) => [g.key, g.color]));
  return {
    chart,
    output: outputKey,
    groups: (out?.groups ?? []).map((g) => ({ key: g.key, value: g.value, color: colors.get(g.key) ?? '#868e96', count: g.count })),
  };
}

/** What a gallery card draws (GET /api/templates/thumbnails): template id → its thumbnail, in one language. */
export type GalleryThumbnails = Record<string, { output: string; kind: Template['charts'][number]['kind']; groups: Thumbnail['groups'] }>;

/** Thumbnails of every template given, for the gallery (a few hundred ms: callers cache it). */
export function galleryThumbnails(templates: readonly Template[], language: Language): GalleryThumbnails {
  const out: GalleryThumbnails = {};
  for (const t of templates) {
    const th = templateThumbnail(t, language);
    if (th) out[t.id] = { output: th.output, kind: th.chart.kind, groups: th.groups };
  }
  return out;
}
