// GET /api/templates/thumbnails: the gallery cards' small charts, from each template's own sample data.
// Computing them evaluates every template on a sample (a few hundred ms), so each language is computed once.
import { galleryThumbnails, listTemplates, type GalleryThumbnails } from '../../../templates';
import type { Language } from '../../../common';

const cache = new Map<Language, GalleryThumbnails>();

export function thumbnails(language: Language): GalleryThumbnails {
  let hit = cache.get(language);
  if (!hit) {
    hit = galleryThumbnails(listTemplates(), language);
    cache.set(language, hit);
  }
  return hit;
}
