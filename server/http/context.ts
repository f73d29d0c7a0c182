// The Hono environment shared by every route: dependencies and the language of messages.
import type { AppDeps } from '../deps';
import type { MessageLanguage } from './app-error';
import type { ImportStore } from '../features/imports/imports.store';

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** Uploads waiting for their commit (one store per app). */
    imports: ImportStore;
    /** The language of the workbook the request touches, set by routes once they know it. */
    workbookLanguage?: MessageLanguage;
  };
}
