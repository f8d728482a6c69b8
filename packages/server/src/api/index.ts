// The API contract shared by the server, the typed client and packages/web. Browser-safe.
export * from './schemas.ts';
export * from './routes.ts';
