// Member-facing messages in English and Spanish (the member's `language` on the roll; English when
// absent or unknown). Pure text builders: no I/O. The credential messages are the only ones that
// hold a secret; the caller seals them before they are stored.
export type Language = 'en' | 'es';
export type Rendered = { readonly subject: string; readonly text: string };

export function languageOf(value: string | undefined): Language {
  return value?.toLowerCase().startsWith('es') === true ? 'es' : 'en';
}

export type CredentialMail = {
  readonly name: string;
  readonly voteTitle: string;
  readonly closesAt: string;
  /** The private credential, formatted for reading (XXXXXX-XXXXXX-…). */
  readonly credential: string;
  /** `<publicUrl>/booth/<voteId>#credential=<code>`: the fragment never reaches the server. */
  readonly boothLink: string;
  readonly replacement: boolean;
};

export function credentialMail(lang: Language, m: CredentialMail): Rendered {
  if (lang === 'es') {
    return {
      subject: `${m.replacement ? 'Su nueva credencial' : 'Su credencial'} para votar: ${m.voteTitle}`,
      text:
        `Hola ${m.name}:\n\n` +
        (m.replacement ? 'Su credencial anterior fue anulada. Esta es su nueva credencial de votación.\n\n' : '') +
        `Su credencial para "${m.voteTitle}" es:\n\n    ${m.credential}\n\n` +
        `Para votar con un clic, abra este enlace (la credencial va en el enlace y nunca llega al servidor):\n${m.boothLink}\n\n` +
        `La votación cierra el ${m.closesAt}. Puede volver a votar: cuenta su último voto.\n\n` +
        `Guarde este mensaje y no lo comparta. Si pierde la credencial, pida otra al administrador de la votación ` +
        `indicando su número de afiliado: anulará la anterior y le enviará una nueva.\n`,
    };
  }
  return {
    subject: `${m.replacement ? 'Your new voting credential' : 'Your voting credential'}: ${m.voteTitle}`,
    text:
      `Hello ${m.name},\n\n` +
      (m.replacement ? 'Your previous credential was cancelled. This is your new voting credential.\n\n' : '') +
      `Your credential for "${m.voteTitle}" is:\n\n    ${m.credential}\n\n` +
      `To vote in one click, open this link (the credential is in the link and never reaches the server):\n${m.boothLink}\n\n` +
      `Voting closes at ${m.closesAt}. You may vote again: your last ballot counts.\n\n` +
      `Keep this message and do not share it. If you lose the credential, ask the vote's administrator for a new one ` +
      `and give your member number: they will cancel the old one and send you a new one.\n`,
  };
}

export type ReminderMail = { readonly name: string; readonly voteTitle: string; readonly closesAt: string; readonly boothLink: string };

export function reminderMail(lang: Language, m: ReminderMail): Rendered {
  if (lang === 'es') {
    return {
      subject: `Recordatorio: vote en "${m.voteTitle}"`,
      text:
        `Hola ${m.name}:\n\nAún no hemos recibido su voto en "${m.voteTitle}". La votación cierra el ${m.closesAt}.\n\n` +
        `Use la credencial que le enviamos por correo, o vaya a:\n${m.boothLink}\n`,
    };
  }
  return {
    subject: `Reminder: vote in "${m.voteTitle}"`,
    text:
      `Hello ${m.name},\n\nWe have not received your ballot in "${m.voteTitle}" yet. Voting closes at ${m.closesAt}.\n\n` +
      `Use the credential we emailed you, or go to:\n${m.boothLink}\n`,
  };
}

export type ResultLine = { readonly question: string; readonly counts: string; readonly outcome: string };
export type ResultMail = {
  readonly name: string;
  readonly voteTitle: string;
  readonly lines: readonly ResultLine[];
  /** The texts of the follow-ups the outcomes triggered (protocol §M7), as the administrator wrote them. */
  readonly followUps: readonly string[];
  readonly resultLink: string;
  readonly boardHead: string;
};

const followUpLines = (heading: string, texts: readonly string[]): string =>
  texts.length === 0 ? '' : `\n\n${heading}\n${texts.map((text) => `- ${text}`).join('\n')}`;

const OUTCOME_ES: Readonly<Record<string, string>> = { passed: 'aprobada', failed: 'rechazada', quorum_not_met: 'sin quórum' };

export function resultMail(lang: Language, m: ResultMail): Rendered {
  if (lang === 'es') {
    return {
      subject: `Resultado: ${m.voteTitle}`,
      text:
        `Hola ${m.name}:\n\nSe publicó el resultado de "${m.voteTitle}".\n\n` +
        m.lines.map((l) => `- ${l.question}: ${l.counts} — ${OUTCOME_ES[l.outcome] ?? l.outcome}`).join('\n') +
        followUpLines('Lo que sigue:', m.followUps) +
        `\n\nDetalles y registro verificable: ${m.resultLink}\nHuella del tablero público: ${m.boardHead}\n`,
    };
  }
  return {
    subject: `Result: ${m.voteTitle}`,
    text:
      `Hello ${m.name},\n\nThe result of "${m.voteTitle}" has been published.\n\n` +
      m.lines.map((l) => `- ${l.question}: ${l.counts} — ${l.outcome.replaceAll('_', ' ')}`).join('\n') +
      followUpLines('What follows:', m.followUps) +
      `\n\nDetails and the verifiable record: ${m.resultLink}\nPublic board head: ${m.boardHead}\n`,
  };
}
