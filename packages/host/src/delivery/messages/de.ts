import { asksToChoose, type MessageContext, type Phrases } from './phrases.js';

const refundStatus: Phrases['refundStatus'] = ({ amount, status }) => {
  switch (status) {
    case 'issued':
      return `Eine Erstattung von ${amount} wurde für Sie veranlasst.`;
    case 'pending':
      return `Eine Erstattung von ${amount} ist unterwegs zu Ihnen.`;
    case 'pending-review':
      return `Eine Erstattung von ${amount} wird kurz vom Plattform-Team geprüft; Sie hören von uns, sobald sie veranlasst ist.`;
    case 'failed':
      return `Ihre Erstattung von ${amount} konnte noch nicht veranlasst werden. Das Plattform-Team weiß Bescheid und meldet sich bei Ihnen.`;
    case 'declined':
      return `Das Plattform-Team hat die Erstattung von ${amount} geprüft und nicht veranlasst.`;
  }
};

function smsChoice(c: MessageContext): string {
  const what =
    c.alternatives.length > 0 && c.refund
      ? `einen neuen Termin oder eine Erstattung von ${c.refund.amount}`
      : c.alternatives.length > 0
        ? 'einen neuen Termin'
        : `eine Erstattung von ${c.refund?.amount ?? ''}`;
  return c.chooseByShort ? ` Wählen Sie bis ${c.chooseByShort} ${what}` : ` Wählen Sie ${what}`;
}

/** German wording (formal address). */
export const de: Phrases = {
  subject(c) {
    switch (c.kind) {
      case 'session-cancelled':
        return `Ihr Termin am ${c.sessionShort} fällt aus`;
      case 'session-rearranged':
        return `Ihr Termin wurde verlegt auf ${c.newTimeShort ?? 'einen neuen Zeitpunkt'}`;
      case 'session-not-held':
        return `Ihr Termin am ${c.sessionShort} konnte nicht stattfinden`;
      case 'refund-issued':
        return `Ihre Erstattung${c.refund ? ` von ${c.refund.amount}` : ''}`;
      case 'refund-declined':
        return 'Ihre Erstattung wurde geprüft';
      case 'offer-reminder':
        return c.chooseByShort
          ? `Erinnerung: Bitte wählen Sie bis ${c.chooseByShort}`
          : 'Erinnerung: Bitte wählen Sie einen neuen Termin';
      case 'offer-answered':
        return c.newTimeShort ? `Bestätigt: Ihr neuer Termin am ${c.newTimeShort}` : 'Bestätigt: Ihre Wahl';
      case 'offer-expired':
        return `Ihr Angebot zum Termin am ${c.sessionShort} ist abgelaufen`;
    }
  },
  greeting: (c) => `Guten Tag ${c.client},`,
  happened(c) {
    switch (c.kind) {
      case 'session-cancelled':
        return [
          `${c.therapist} musste Ihren Termin am ${c.session} leider absagen. Es tut uns leid, dass sich Ihre Pläne ändern.`,
        ];
      case 'session-rearranged':
        return [
          `${c.therapist} hat Ihren Termin am ${c.session} verlegt.`,
          `Er findet jetzt am ${c.newTime ?? 'einem neuen Zeitpunkt'} statt.`,
        ];
      case 'session-not-held':
        return [
          `${c.therapist} konnte Ihren Termin am ${c.session} leider nicht wahrnehmen. Es tut uns leid.`,
          'Ihre Praxis meldet sich bei Ihnen, wie es weitergeht.',
        ];
      case 'refund-issued':
        return [`Es geht um Ihren Termin bei ${c.therapist} am ${c.session}.`];
      case 'refund-declined':
        return [`Das Plattform-Team hat die Erstattung zu Ihrem Termin bei ${c.therapist} am ${c.session} geprüft.`];
      case 'offer-reminder':
        return [`${c.therapist} musste Ihren Termin am ${c.session} absagen, und Ihre Wahl steht noch aus.`];
      case 'offer-answered':
        return c.newTime
          ? [`Danke für Ihre Antwort. Ihr neuer Termin bei ${c.therapist} ist am ${c.newTime}.`]
          : [`Danke für Ihre Antwort zu Ihrem abgesagten Termin bei ${c.therapist} am ${c.session}.`];
      case 'offer-expired':
        return [
          `Das Angebot zu Ihrem abgesagten Termin bei ${c.therapist} am ${c.session} ist ohne Antwort abgelaufen.`,
          c.refund ? 'So geht es jetzt weiter.' : 'Das Plattform-Team meldet sich bei Ihnen, wie es weitergeht.',
        ];
    }
  },
  therapistTime: (c) => `Für ${c.therapist} ist das ${c.therapistSession}.`,
  alternativesIntro: (c) =>
    c.alternatives.length === 1
      ? 'Stattdessen können Sie diesen Termin wahrnehmen:'
      : 'Stattdessen können Sie einen dieser Termine wählen:',
  refundChoice: (amount, hasAlternatives, needsReview) =>
    `${hasAlternatives ? `Oder Sie wählen eine Erstattung von ${amount}` : `Sie können eine Erstattung von ${amount} wählen`}${needsReview ? ', die das Plattform-Team vorher bestätigt' : ''}.`,
  refundStatus,
  chooseBy: (at) => `Bitte wählen Sie bis ${at}.`,
  linkLabel: (c) => (c.kind === 'offer-reminder' || c.kind === 'session-cancelled' ? 'Hier wählen' : 'Ihr Angebot'),
  note: (note) => `Hinweis des Plattform-Teams: ${note}`,
  signOff: (c) => `Mit freundlichen Grüßen\n${c.therapist}`,
  sms(c) {
    switch (c.kind) {
      case 'session-cancelled':
        return `${c.therapist} hat Ihren Termin ${c.sessionShort} ${c.zone} abgesagt.${asksToChoose(c) ? smsChoice(c) : c.refund ? ` ${refundStatus(c.refund)}` : ''}`;
      case 'offer-reminder':
        return `Erinnerung: Ihr Termin ${c.sessionShort} ${c.zone} wurde abgesagt.${smsChoice(c)}`;
      case 'session-rearranged':
        return `${c.therapist} hat Ihren Termin ${c.sessionShort} auf ${c.newTimeShort ?? 'einen neuen Zeitpunkt'} ${c.zone} verlegt.`;
      case 'session-not-held':
        return `${c.therapist} konnte Ihren Termin ${c.sessionShort} ${c.zone} nicht wahrnehmen. Ihre Praxis meldet sich.`;
      case 'refund-issued':
      case 'refund-declined':
        return `Termin ${c.sessionShort} ${c.zone} bei ${c.therapist}: ${c.refund ? refundStatus(c.refund) : 'Ihre Erstattung wurde geprüft.'}`;
      case 'offer-answered':
        return c.newTimeShort
          ? `Bestätigt: Ihr neuer Termin bei ${c.therapist} ist am ${c.newTimeShort} ${c.zone}.`
          : `Danke für Ihre Antwort zum Termin ${c.sessionShort} ${c.zone}.${c.refund ? ` ${refundStatus(c.refund)}` : ''}`;
      case 'offer-expired':
        return `Ihr Angebot zum Termin ${c.sessionShort} ${c.zone} ist ohne Antwort abgelaufen.${c.refund ? ` ${refundStatus(c.refund)}` : ' Das Plattform-Team meldet sich.'}`;
    }
  },
};
