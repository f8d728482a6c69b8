// The one template every campaign appeal is sent in, whichever side sent it (equal terms): the
// committee's subject and text as written, then the same labelled footer in English or Spanish.
// Pure text builder: no I/O. There is no unsubscribe link: appeals are part of the vote's notices,
// bounded by the per-side quota, and clearly labelled as campaign messages.
import type { Language, Rendered } from './templates.ts';

export type AppealMail = {
  readonly name: string;
  readonly committee: string;
  readonly side: 'for' | 'against';
  readonly voteTitle: string;
  readonly subject: string;
  readonly body: string;
  readonly quota: number;
  readonly pagesLink: string;
};

export function appealMail(lang: Language, m: AppealMail): Rendered {
  if (lang === 'es') {
    const side = m.side === 'for' ? 'a favor' : 'en contra';
    return {
      subject: `[Campaña] ${m.subject}`,
      text:
        `Hola ${m.name}:\n\n${m.body}\n\n` +
        `--\nMensaje de campaña de ${m.committee} (${side} en "${m.voteTitle}"), enviado por la plataforma electoral del sindicato.\n` +
        `La campaña no recibió su dirección. Cada lado puede enviar como máximo ${m.quota} mensajes a todo el padrón, en esta misma forma.\n` +
        `Las páginas de apoyo de ambos lados: ${m.pagesLink}\n`,
    };
  }
  return {
    subject: `[Campaign] ${m.subject}`,
    text:
      `Hello ${m.name},\n\n${m.body}\n\n` +
      `--\nCampaign message from ${m.committee} (${m.side} in "${m.voteTitle}"), sent by the union's election platform.\n` +
      `The campaign did not receive your address. Each side may send at most ${m.quota} messages to the whole roll, in this same form.\n` +
      `Both sides' endorsement pages: ${m.pagesLink}\n`,
  };
}
