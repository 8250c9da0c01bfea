import { asksToChoose, type MessageContext, type Phrases } from './phrases.js';

const refundStatus: Phrases['refundStatus'] = ({ amount, status }) => {
  switch (status) {
    case 'issued':
      return `A refund of ${amount} has been issued to you.`;
    case 'pending':
      return `A refund of ${amount} is on its way to you.`;
    case 'pending-review':
      return `A refund of ${amount} is with the platform team for a quick review; you will hear from us when it is issued.`;
    case 'failed':
      return `We could not issue your refund of ${amount} yet. The platform team knows and will get in touch.`;
    case 'declined':
      return `The platform team reviewed the refund of ${amount} and did not issue it.`;
  }
};

function smsChoice(c: MessageContext): string {
  const what =
    c.alternatives.length > 0 && c.refund
      ? `a new time or a refund of ${c.refund.amount}`
      : c.alternatives.length > 0
        ? 'a new time'
        : `a refund of ${c.refund?.amount ?? ''}`;
  return c.chooseByShort ? ` Choose ${what} by ${c.chooseByShort}` : ` Choose ${what}`;
}

/** English wording. */
export const en: Phrases = {
  subject(c) {
    switch (c.kind) {
      case 'session-cancelled':
        return `Your session on ${c.sessionShort} is cancelled`;
      case 'session-rearranged':
        return `Your session moved to ${c.newTimeShort ?? 'a new time'}`;
      case 'session-not-held':
        return `Your session on ${c.sessionShort} could not take place`;
      case 'refund-issued':
        return `Your refund${c.refund ? ` of ${c.refund.amount}` : ''}`;
      case 'refund-declined':
        return 'Your refund request was reviewed';
      case 'offer-reminder':
        return c.chooseByShort ? `Reminder: please choose by ${c.chooseByShort}` : 'Reminder: please choose a new time';
      case 'offer-answered':
        return c.newTimeShort ? `Confirmed: your new session on ${c.newTimeShort}` : 'Confirmed: your choice';
      case 'offer-expired':
        return `Your offer for the session on ${c.sessionShort} has closed`;
    }
  },
  greeting: (c) => `Dear ${c.client},`,
  happened(c) {
    switch (c.kind) {
      case 'session-cancelled':
        return [`${c.therapist} has had to cancel your session on ${c.session}. We are sorry for the change of plans.`];
      case 'session-rearranged':
        return [
          `${c.therapist} has moved your session on ${c.session}.`,
          `It now takes place on ${c.newTime ?? 'a new time'}.`,
        ];
      case 'session-not-held':
        return [
          `${c.therapist} was unable to hold your session on ${c.session}. We are sorry.`,
          'Your practice will get in touch with you about what happens next.',
        ];
      case 'refund-issued':
        return [`This is about your session with ${c.therapist} on ${c.session}.`];
      case 'refund-declined':
        return [`The platform team has reviewed the refund for your session with ${c.therapist} on ${c.session}.`];
      case 'offer-reminder':
        return [`${c.therapist} had to cancel your session on ${c.session}, and your choice is still open.`];
      case 'offer-answered':
        return c.newTime
          ? [`Thank you for your answer. Your new session with ${c.therapist} is on ${c.newTime}.`]
          : [`Thank you for your answer about your cancelled session with ${c.therapist} on ${c.session}.`];
      case 'offer-expired':
        return [
          `The offer for your cancelled session with ${c.therapist} on ${c.session} has closed without an answer.`,
          c.refund
            ? 'Here is what happens now.'
            : 'The platform team will get in touch with you about what happens next.',
        ];
    }
  },
  therapistTime: (c) => `For ${c.therapist} that is ${c.therapistSession}.`,
  alternativesIntro: (c) =>
    c.alternatives.length === 1 ? 'You can take this time instead:' : 'You can choose one of these times instead:',
  refundChoice: (amount, hasAlternatives, needsReview) =>
    `${hasAlternatives ? 'Or you can' : 'You can'} choose a refund of ${amount}${needsReview ? ', which the platform team confirms first' : ''}.`,
  refundStatus,
  chooseBy: (at) => `Please choose by ${at}.`,
  linkLabel: (c) => (c.kind === 'offer-reminder' || c.kind === 'session-cancelled' ? 'Choose here' : 'Your offer'),
  note: (note) => `Note from the platform team: ${note}`,
  signOff: (c) => `Kind regards,\n${c.therapist}`,
  sms(c) {
    switch (c.kind) {
      case 'session-cancelled':
        return `${c.therapist} cancelled your session ${c.sessionShort} ${c.zone}.${asksToChoose(c) ? smsChoice(c) : c.refund ? ` ${refundStatus(c.refund)}` : ''}`;
      case 'offer-reminder':
        return `Reminder: your session ${c.sessionShort} ${c.zone} was cancelled.${smsChoice(c)}`;
      case 'session-rearranged':
        return `${c.therapist} moved your session ${c.sessionShort} to ${c.newTimeShort ?? 'a new time'} ${c.zone}.`;
      case 'session-not-held':
        return `${c.therapist} was unable to hold your session ${c.sessionShort} ${c.zone}. Your practice will be in touch.`;
      case 'refund-issued':
      case 'refund-declined':
        return `Session ${c.sessionShort} ${c.zone} with ${c.therapist}: ${c.refund ? refundStatus(c.refund) : 'your refund was reviewed.'}`;
      case 'offer-answered':
        return c.newTimeShort
          ? `Confirmed: your new session with ${c.therapist} is ${c.newTimeShort} ${c.zone}.`
          : `Thank you for your answer about the session ${c.sessionShort} ${c.zone}.${c.refund ? ` ${refundStatus(c.refund)}` : ''}`;
      case 'offer-expired':
        return `Your offer for the session ${c.sessionShort} ${c.zone} closed unanswered.${c.refund ? ` ${refundStatus(c.refund)}` : ' The platform team will get in touch.'}`;
    }
  },
};
