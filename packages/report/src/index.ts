// Public API of @ratify/report: printable documents made from a vote's public record.
export { buildResultReport, renderResultReport, recordLink, type ResultReportOptions } from './result-report.ts';
export { summarizeRecord, recordDigest, type RecordSummary, type RecordSummaryError } from './record-summary.ts';
export { formatCount, formatShare } from './format.ts';
export { buildMailPacket, mailPackets, type PacketRecipient, type MailPacketProgress } from './mail-packet.ts';
