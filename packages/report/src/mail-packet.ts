// Mail packets (issue 17, decision 0025): one PDF per member — page 1 the address block (for a window
// envelope), the instructions in the member's language and the return label with the envelope id as a
// Code 128 barcode; page 2 the ballot, which carries no identifier at all (the same for every member
// of a language). `mailPackets` streams them one at a time, so tens of thousands never sit in memory.
// Deterministic: the creation date is the vote's opening. Must not decide who gets a packet or make
// envelope ids (protocol/envelopes.ts makes them; the caller keeps the id ↔ member link private).
import { type EnvelopeId, type Language, type Manifest, describeChannels, channelsOf } from '@ratify/protocol';
import { formatInstant } from './format.ts';
import { FlowWriter, newDocument } from './pdf-writer.ts';
import { PACKET_WORDS } from './packet-words.ts';

export type PacketRecipient = {
  readonly name: string;
  /** Postal address lines, in order (street, town, postcode, country…). */
  readonly address: readonly string[];
  readonly lang: Language;
  readonly envelopeId: EnvelopeId;
};

export async function buildMailPacket(manifest: Manifest, recipient: PacketRecipient): Promise<Uint8Array> {
  const w = PACKET_WORDS[recipient.lang];
  const { doc, fonts } = await newDocument({
    title: `${w.heading}: ${manifest.title}`,
    subject: `${manifest.unionName} · ${manifest.voteId}`,
    language: recipient.lang,
    createdAt: new Date(manifest.schedule.opensAt),
  });
  const out = new FlowWriter(doc, fonts);
  // The address block, where a DL window envelope shows it.
  out.gap(60);
  for (const line of [recipient.name, ...recipient.address]) out.paragraph(line, { size: 11 });
  out.gap(40);
  out.paragraph(w.heading.toUpperCase(), { size: 16, font: fonts.bold });
  out.paragraph(`${manifest.unionName} — ${manifest.title}`, { size: 11 });
  out.heading(w.instructionsHeading, 12);
  for (const step of w.steps(formatInstant(manifest.schedule.closesAt))) out.paragraph(step, { size: 10 });
  out.gap(4);
  out.paragraph(describeChannels(channelsOf(manifest), recipient.lang), { size: 9.5, grey: true });
  out.cutLine(w.cutHere);
  out.heading(w.labelHeading, 11);
  out.paragraph(w.labelNote, { size: 9, grey: true });
  out.barcode(recipient.envelopeId, 46);

  // Page 2: the ballot, with nothing that identifies the member or the envelope.
  out.newPage();
  out.paragraph(`${w.ballotHeading.toUpperCase()} — ${manifest.title}`, { size: 15, font: fonts.bold });
  out.paragraph(manifest.unionName, { size: 10 });
  out.paragraph(w.ballotNote, { size: 9, grey: true });
  for (const q of manifest.questions) {
    out.gap(8);
    out.paragraph(q.text, { size: 11, font: fonts.bold });
    out.paragraph(q.max === 1 ? w.markOne : w.markUpTo(q.min, q.max), { size: 9, grey: true });
    const labels = q.kind === 'yes_no' ? [w.yes, w.no] : q.options.map((o) => o.text);
    for (const label of labels) out.checkbox(label);
  }
  return doc.save({ useObjectStreams: false });
}

export type MailPacketProgress = { readonly done: number };

/** Streams one packet per recipient, in order; `onProgress` after each. */
export async function* mailPackets(
  manifest: Manifest,
  recipients: AsyncIterable<PacketRecipient> | Iterable<PacketRecipient>,
  onProgress?: (p: MailPacketProgress) => void,
): AsyncGenerator<{ readonly envelopeId: EnvelopeId; readonly pdf: Uint8Array }> {
  let done = 0;
  for await (const r of recipients) {
    const pdf = await buildMailPacket(manifest, r);
    done++;
    onProgress?.({ done });
    yield { envelopeId: r.envelopeId, pdf };
  }
}
