// The mail packet's words, in the member's language (en, es).
import type { Language } from '@ratify/protocol';

export type PacketWords = {
  readonly heading: string;
  readonly instructionsHeading: string;
  readonly steps: (closesAt: string) => readonly string[];
  readonly ballotHeading: string;
  readonly ballotNote: string;
  readonly markOne: string;
  readonly markUpTo: (min: number, max: number) => string;
  readonly yes: string;
  readonly no: string;
  readonly labelHeading: string;
  readonly labelNote: string;
  readonly cutHere: string;
};

const en: PacketWords = {
  heading: 'Your mail ballot',
  instructionsHeading: 'How to vote by mail',
  steps: (closesAt) => [
    '1. Mark your choices on the ballot (the next page) with a cross in the box. Do not sign it or write your name on it.',
    '2. Fold the ballot and seal it in the plain inner envelope. Nothing on the inner envelope may identify you.',
    '3. Put the inner envelope in the return envelope and stick the return label below on it: its barcode lets the election committee strike you off the roll without opening your ballot.',
    `4. Mail it so that it arrives before the vote closes: ${closesAt}.`,
    '5. Once your envelope is accepted, its envelope id appears on the public board of the vote: you can check that your ballot arrived.',
  ],
  ballotHeading: 'Ballot',
  ballotNote: 'This ballot carries no number and no name. Do not write on it anything but your crosses.',
  markOne: 'Mark one box.',
  markUpTo: (min, max) => (min === max ? `Mark exactly ${max} boxes.` : `Mark from ${min} to ${max} boxes.`),
  yes: 'Yes',
  no: 'No',
  labelHeading: 'Return label — stick on the return envelope',
  labelNote: 'Envelope id (random; it is not your member number)',
  cutHere: 'cut here',
};

const es: PacketWords = {
  heading: 'Su papeleta por correo',
  instructionsHeading: 'Cómo votar por correo',
  steps: (closesAt) => [
    '1. Marque sus opciones en la papeleta (la página siguiente) con una cruz en la casilla. No la firme ni escriba su nombre en ella.',
    '2. Doble la papeleta y ciérrela en el sobre interior liso. Nada en el sobre interior puede identificarle.',
    '3. Meta el sobre interior en el sobre de devolución y pegue en él la etiqueta de abajo: su código de barras permite a la comisión electoral tacharle del padrón sin abrir su papeleta.',
    `4. Envíelo para que llegue antes del cierre de la votación: ${closesAt}.`,
    '5. Cuando se acepte su sobre, su identificador aparecerá en el tablón público de la votación: podrá comprobar que su papeleta llegó.',
  ],
  ballotHeading: 'Papeleta',
  ballotNote: 'Esta papeleta no lleva número ni nombre. No escriba en ella nada más que sus cruces.',
  markOne: 'Marque una casilla.',
  markUpTo: (min, max) => (min === max ? `Marque exactamente ${max} casillas.` : `Marque de ${min} a ${max} casillas.`),
  yes: 'Sí',
  no: 'No',
  labelHeading: 'Etiqueta de devolución: péguela en el sobre de devolución',
  labelNote: 'Identificador del sobre (aleatorio; no es su número de miembro)',
  cutHere: 'cortar aquí',
};

export const PACKET_WORDS: Readonly<Record<Language, PacketWords>> = { en, es };
