// The report's words in each language a vote can be printed in (en, es). Every line a person reads on
// a printed document comes from here; numbers and dates are formatted by format.ts.
import type { Language } from '@ratify/protocol';

export type ReportWords = {
  readonly title: string;
  readonly union: string;
  readonly vote: string;
  readonly voteId: string;
  readonly electionId: string;
  readonly period: string;
  readonly recordDate: string;
  readonly closedAt: string;
  readonly channels: string;
  readonly question: (n: number) => string;
  readonly howDecided: string;
  readonly choice: string;
  readonly votes: string;
  readonly share: string;
  readonly yes: string;
  readonly no: string;
  readonly blank: string;
  readonly total: string;
  readonly outcome: string;
  readonly outcomes: Readonly<Record<'passed' | 'failed' | 'turnout_not_met' | 'support_floor_not_met' | 'elected' | 'tie' | 'no_votes', string>>;
  readonly elected: string;
  readonly tied: (openSeats: number) => string;
  readonly checks: Readonly<Record<'turnout_floor' | 'majority' | 'support_of_eligible_floor', string>>;
  readonly required: (comparison: 'greater_than' | 'at_least', share: string) => string;
  readonly met: string;
  readonly notMet: string;
  readonly followsUp: string;
  readonly turnout: string;
  readonly turnoutLine: (voted: string, eligible: string, share: string) => string;
  readonly trustees: string;
  readonly trusteesLine: (k: number, n: number) => string;
  readonly decryptedBy: string;
  readonly recordHeading: string;
  readonly fingerprint: string;
  readonly boardHead: string;
  readonly events: string;
  readonly digest: string;
  readonly recordAt: string;
  readonly checkIt: string;
  readonly certification: string;
  readonly certificationText: string;
  readonly name: string;
  readonly signature: string;
  readonly date: string;
  readonly page: (i: number, n: number) => string;
};

const en: ReportWords = {
  title: 'Certified result report',
  union: 'Union',
  vote: 'Vote',
  voteId: 'Vote id',
  electionId: 'Election id',
  period: 'Voting period (UTC)',
  recordDate: 'Roll frozen at (record date)',
  closedAt: 'Closed at (UTC)',
  channels: 'Channels',
  question: (n) => `Question ${n}`,
  howDecided: 'How it is decided',
  choice: 'Choice',
  votes: 'Votes',
  share: 'Share',
  yes: 'Yes',
  no: 'No',
  blank: 'Blank',
  total: 'Total',
  outcome: 'Outcome',
  outcomes: {
    passed: 'PASSED',
    failed: 'FAILED',
    turnout_not_met: 'NOT DECIDED: turnout floor not met',
    support_floor_not_met: 'FAILED: support of eligible members below the floor',
    elected: 'ELECTED',
    tie: 'TIE (not broken)',
    no_votes: 'NO VOTES',
  },
  elected: 'Elected',
  tied: (openSeats) => `Tied for ${openSeats} open seat(s)`,
  checks: { turnout_floor: 'Turnout', majority: 'Yes share', support_of_eligible_floor: 'Yes among all eligible' },
  required: (comparison, share) => (comparison === 'greater_than' ? `more than ${share} required` : `at least ${share} required`),
  met: 'met',
  notMet: 'not met',
  followsUp: 'What follows',
  turnout: 'Turnout',
  turnoutLine: (voted, eligible, share) => `${voted} of ${eligible} eligible members voted (${share}).`,
  trustees: 'Trustees',
  trusteesLine: (k, n) => `Any ${k} of the ${n} trustees together decrypt the total; no one can decrypt a single ballot.`,
  decryptedBy: 'Decrypted by',
  recordHeading: 'The election record',
  fingerprint: 'Election fingerprint',
  boardHead: 'Board head (hash of the last event)',
  events: 'Board events',
  digest: 'Record digest (SHA-256 of board.jsonl)',
  recordAt: 'The record',
  checkIt: 'Anyone can re-check this result from the record: ratify verify <record> --expected-head <board head>. The same record always gives this same report, byte for byte (ratify report).',
  certification: 'Certification by the election committee',
  certificationText: 'We, the undersigned members of the election committee, certify that this report states the result of the vote above as recorded in the election record identified by the digest and board head printed here.',
  name: 'Name',
  signature: 'Signature',
  date: 'Date',
  page: (i, n) => `Page ${i} of ${n}`,
};

const es: ReportWords = {
  title: 'Informe certificado del resultado',
  union: 'Sindicato',
  vote: 'Votación',
  voteId: 'Identificador de la votación',
  electionId: 'Identificador de la elección',
  period: 'Periodo de votación (UTC)',
  recordDate: 'Padrón cerrado el (fecha de referencia)',
  closedAt: 'Cerrada el (UTC)',
  channels: 'Canales',
  question: (n) => `Pregunta ${n}`,
  howDecided: 'Cómo se decide',
  choice: 'Opción',
  votes: 'Votos',
  share: 'Porcentaje',
  yes: 'Sí',
  no: 'No',
  blank: 'En blanco',
  total: 'Total',
  outcome: 'Resultado',
  outcomes: {
    passed: 'APROBADA',
    failed: 'RECHAZADA',
    turnout_not_met: 'SIN DECISIÓN: no se alcanzó la participación mínima',
    support_floor_not_met: 'RECHAZADA: el apoyo entre los miembros con derecho a voto no alcanza el mínimo',
    elected: 'ELEGIDAS',
    tie: 'EMPATE (no se resuelve)',
    no_votes: 'SIN VOTOS',
  },
  elected: 'Elegidas',
  tied: (openSeats) => `Empate por ${openSeats} puesto(s) libre(s)`,
  checks: { turnout_floor: 'Participación', majority: 'Porcentaje de sí', support_of_eligible_floor: 'Sí entre todos los miembros con derecho a voto' },
  required: (comparison, share) => (comparison === 'greater_than' ? `se requiere más de ${share}` : `se requiere al menos ${share}`),
  met: 'cumplido',
  notMet: 'no cumplido',
  followsUp: 'Lo que sigue',
  turnout: 'Participación',
  turnoutLine: (voted, eligible, share) => `Votaron ${voted} de ${eligible} miembros con derecho a voto (${share}).`,
  trustees: 'Custodios',
  trusteesLine: (k, n) => `Cualquier grupo de ${k} de los ${n} custodios descifra juntos el total; nadie puede descifrar una papeleta individual.`,
  decryptedBy: 'Descifrado por',
  recordHeading: 'El registro de la elección',
  fingerprint: 'Huella de la elección',
  boardHead: 'Cabeza del tablón (hash del último evento)',
  events: 'Eventos del tablón',
  digest: 'Resumen del registro (SHA-256 de board.jsonl)',
  recordAt: 'El registro',
  checkIt: 'Cualquiera puede volver a comprobar este resultado con el registro: ratify verify <registro> --expected-head <cabeza del tablón>. El mismo registro da siempre este mismo informe, byte a byte (ratify report).',
  certification: 'Certificación de la comisión electoral',
  certificationText: 'Quienes firmamos, miembros de la comisión electoral, certificamos que este informe expone el resultado de la votación indicada tal como consta en el registro de la elección identificado por el resumen y la cabeza del tablón aquí impresos.',
  name: 'Nombre',
  signature: 'Firma',
  date: 'Fecha',
  page: (i, n) => `Página ${i} de ${n}`,
};

export const REPORT_WORDS: Readonly<Record<Language, ReportWords>> = { en, es };
