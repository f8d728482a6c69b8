// Campaigns' request and response schemas (docs/campaigns.md), browser-safe, and the limits the
// pages state: one shared length limit per field, the same for every side of the question.
import { z } from 'zod';
import { plainLine, plainParagraph } from './plain-text.ts';

/** Equal terms: approved appeals allowed per vote and side. */
export const APPEALS_PER_SIDE = 2;
export const APPEAL_SUBJECT_MAX = 150;
/** Plain text or Markdown, sent as plain text. */
export const APPEAL_BODY_MAX = 4000;
export const PAGE_TITLE_MAX = 120;
export const PAGE_STATEMENT_MAX = 2000;
export const SHOWN_NAME_MAX = 80;
export const ENDORSER_ROLE_MAX = 80;

const opaqueId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected an id');
// What members and committees write is shown to others: plain text only (no control or bidi characters).
const line = plainLine;
const paragraph = plainParagraph;

export const sideSchema = z.enum(['for', 'against']);
export const pageIdParamsSchema = z.strictObject({ pageId: opaqueId });
export const appealIdParamsSchema = z.strictObject({ appealId: opaqueId });

export const endorsementPageBodySchema = z.strictObject({ side: sideSchema, title: line(PAGE_TITLE_MAX), statement: paragraph(PAGE_STATEMENT_MAX) });
export const campaignPageBodySchema = z.strictObject({ title: line(PAGE_TITLE_MAX), statement: paragraph(PAGE_STATEMENT_MAX) });
export const signEndorsementBodySchema = z.strictObject({
  /** Absent: the member's name on the roll. */
  shownName: line(SHOWN_NAME_MAX).optional(),
  role: line(ENDORSER_ROLE_MAX).optional(),
});
export const createCommitteeBodySchema = z.strictObject({
  side: sideSchema,
  name: line(120),
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,64}$/, 'use 3–64 of a-z 0-9 . _ -'),
  password: z.string().min(12).max(1024),
});
export const appealBodySchema = z
  .strictObject({
    subjectEn: line(APPEAL_SUBJECT_MAX),
    bodyEn: paragraph(APPEAL_BODY_MAX),
    subjectEs: line(APPEAL_SUBJECT_MAX).optional(),
    bodyEs: paragraph(APPEAL_BODY_MAX).optional(),
  })
  .refine((a) => (a.subjectEs === undefined) === (a.bodyEs === undefined), { message: 'give both the Spanish subject and body, or neither', path: ['bodyEs'] });
export const rejectAppealBodySchema = z.strictObject({ reason: paragraph(1000) });

export const endorserSchema = z.object({ shownName: z.string(), role: z.string().nullable(), signedAt: z.string() });
export const endorsementPageSchema = z.object({
  id: z.string(),
  voteId: z.string(),
  voteTitle: z.string(),
  unionName: z.string(),
  side: sideSchema,
  title: z.string(),
  statement: z.string(),
  createdAt: z.string(),
  count: z.int(),
});
export const endorsementPageListSchema = z.object({ voteId: z.string(), pages: z.array(endorsementPageSchema) });
export const endorsementPageDetailSchema = z.object({ page: endorsementPageSchema, endorsers: z.array(endorserSchema) });
export const signatureSchema = z.object({ pageId: z.string(), shownName: z.string(), role: z.string().nullable(), signedAt: z.string() });
export const signedSchema = z.object({ signature: signatureSchema, count: z.int() });
export const withdrawnSchema = z.object({ pageId: z.string(), withdrawn: z.literal(true), count: z.int() });
export const mySignaturesSchema = z.object({ signatures: z.array(signatureSchema) });

export const committeeSchema = z.object({ username: z.string(), voteId: z.string(), side: sideSchema, name: z.string(), createdAt: z.string() });
export const committeeListSchema = z.object({ voteId: z.string(), committees: z.array(committeeSchema) });
export const campaignMeSchema = z.object({
  committee: committeeSchema,
  voteTitle: z.string(),
  /** The equal-terms rule as it applies to this committee. */
  quota: z.int(),
  approved: z.int(),
});

/** Counts only: what a committee may see of its appeal's delivery. */
export const deliveryCountsSchema = z.object({ queued: z.int(), sending: z.int(), sent: z.int(), failed: z.int(), bounced: z.int() });
export const appealSchema = z.object({
  id: z.string(),
  voteId: z.string(),
  side: sideSchema,
  committeeName: z.string(),
  subjectEn: z.string(),
  bodyEn: z.string(),
  subjectEs: z.string().nullable(),
  bodyEs: z.string().nullable(),
  status: z.enum(['pending', 'approved', 'rejected']),
  submittedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  recipients: z.int().nullable(),
  delivery: deliveryCountsSchema,
});
export const appealListSchema = z.object({ voteId: z.string(), quota: z.int(), appeals: z.array(appealSchema) });
export const appealRecordSchema = z.object({
  appeal: appealSchema,
  /** Per recipient, by member number (never an address). */
  deliveries: z.array(z.object({ memberNumber: z.string().nullable(), status: z.string(), attempts: z.int(), lastError: z.string().nullable(), updatedAt: z.string() })),
});
