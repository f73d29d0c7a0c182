// Every type that crosses the wire (shared/API.md), defined once as a zod schema with its inferred TS type, by area.
export * from './values';
export * from './names';
export * from './fields';
export * from './workbooks';
export * from './rows';
export * from './filters';
export * from './formulas';
export * from './summaries';
export * from './history';
export * from './imports';
export * from './dashboards';
export * from './templates';
export * from './health';
export * from './errors';
