// The API contract shared by the server, the typed client and packages/web. Browser-safe.
export * from './schemas.ts';
export * from './routes.ts';
export { APPEALS_PER_SIDE, APPEAL_BODY_MAX, APPEAL_SUBJECT_MAX, ENDORSER_ROLE_MAX, PAGE_STATEMENT_MAX, PAGE_TITLE_MAX, SHOWN_NAME_MAX } from './campaign-schemas.ts';
export { plainTextProblem, echoSafe } from './plain-text.ts';
export type { PlainTextProblem } from './plain-text.ts';
