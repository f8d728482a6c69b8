// Error codes shared by many routes of the one route table (routes.ts and the route files spread into it).

/** Any staff-guarded route may answer with these (admin token or staff session, role, CSRF). */
export const STAFF_AUTH_ERRORS = ['admin_token_required', 'admin_token_invalid', 'admin_disabled', 'staff_sign_in_required', 'forbidden_role', 'csrf_invalid'] as const;
