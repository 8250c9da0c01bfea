import type { Handlers } from '../handler.js';
import { raiseTeamRequest } from '../effects.js';
import { accessibleTherapist, sessionView, therapistView } from '../records.js';
import type { StoredSession, StoredTherapist } from '../store.js';

/** `YYYY-MM-DD` of an instant in a zone: a date bound covers that whole day there. */
function localDate(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    ms,
  );
}

/** A therapist's profile, calendar and absences. */
export const therapistHandlers = {
  getTherapist: async ({ therapistId }, context) => {
    const therapist = await accessibleTherapist(context, therapistId);
    return { therapist: therapistView(therapist), history: [...(await context.tx.history(therapistId))] };
  },

  listSessions: async ({ therapistId, query }, context) => {
    const therapist = await accessibleTherapist(context, therapistId);
    const zone = therapist.timeZone ?? 'UTC';
    const inRange = (session: StoredSession) => {
      const start = Date.parse(session.startsAt);
      const day = localDate(start, zone);
      const after = (bound: string) => (bound.length === 10 ? day >= bound : start >= Date.parse(bound));
      const before = (bound: string) => (bound.length === 10 ? day <= bound : start < Date.parse(bound));
      return after(query.from) && before(query.to);
    };
    const found = (await context.tx.sessionsOf(therapist.id)).filter((s) => s.status === 'scheduled' && inRange(s));
    const sorted = [...found].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    return { sessions: await Promise.all(sorted.map((s) => sessionView(context, s))) };
  },

  setVisibility: async ({ therapistId, body }, context) => {
    const { hiddenUntil: _previous, ...therapist } = await accessibleTherapist(context, therapistId);
    const next: StoredTherapist = {
      ...therapist,
      profileVisible: body.visible,
      ...(body.visible || body.hiddenUntil === undefined ? {} : { hiddenUntil: body.hiddenUntil }),
    };
    await context.tx.putTherapist(next);
    return { therapist: therapistView(next) };
  },

  reportAbsence: async ({ therapistId, body }, context) => {
    const therapist = await accessibleTherapist(context, therapistId);
    const { from, until, certainty, note, informTeam } = body;
    const absence = {
      id: await context.tx.newId('absence'),
      therapistId: therapist.id,
      from,
      ...(until ? { until } : {}),
      certainty,
      ...(note === undefined ? {} : { note }),
    };
    const teamRequest = informTeam
      ? await raiseTeamRequest(context, {
          kind: 'extended-absence',
          therapistId: therapist.id,
          tenant: therapist.tenant,
          reason: note?.trim() || `Away from ${from}${until ? ` until ${until}` : ', return date not known yet'}.`,
          note,
        })
      : null;
    return { absence, teamRequest };
  },
} satisfies Partial<Handlers>;
