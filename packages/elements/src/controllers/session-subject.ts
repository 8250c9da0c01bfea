import {
  getPolicyFactsRoute,
  getSessionRoute,
  type HostTransport,
  listSlotsRoute,
  type Session,
  type Slot,
} from '@raincheck/host-api/client';
import type { ReactiveControllerHost } from 'lit';
import { yieldToMain } from '../internal/yield-to-main.js';
import type { LoadedFacts } from './policy-decision.js';

/** How far ahead the slot pickers look. */
const SLOT_HORIZON_DAYS = 28;

/**
 * The session a widget changes, its policy facts and the therapist's open slots. The session is
 * asked for first (the rules may go beside it, see `FlowElement`): its answer proves the token and
 * the session, so a 404 or a refusal is the session's own error. Then its facts, the slots and
 * whatever `alongside` starts (the rules, when they could not go beside it) go together. The session
 * shows as soon as it arrives, before the policy decides.
 */
export class SessionSubject {
  session: Session | undefined;
  slots: Slot[] | undefined;

  constructor(
    readonly host: ReactiveControllerHost,
    readonly transport: () => HostTransport,
    /** Whether the widget offers the therapist's open slots (cancel, rearrange). */
    private readonly needsSlots: boolean,
  ) {}

  /** Loads the session (shown at once), its facts and the slots; resolves with the policy's facts. */
  async load(sessionId: string, signal: AbortSignal, alongside: () => void = () => undefined): Promise<LoadedFacts> {
    this.session = undefined;
    const { session } = await this.transport().send(getSessionRoute, { sessionId, signal });
    signal.throwIfAborted();
    this.session = session;
    this.host.requestUpdate();
    // The session renders in this task; the next calls (and their answers) go in tasks of their own.
    await yieldToMain();
    signal.throwIfAborted();
    alongside();
    const [policyFacts] = await Promise.all([
      this.transport().send(getPolicyFactsRoute, { sessionId, signal }),
      this.refreshSlots(signal),
    ]);
    signal.throwIfAborted();
    // What the host shows but the policy does not decide on (its session facts are strict).
    const { client: _shown, therapistId: _therapist, refund: _refund, ...sessionFacts } = session;
    return { session: sessionFacts, ...policyFacts };
  }

  /** Reads the therapist's open slots again (after a conflict, say). */
  async refreshSlots(signal?: AbortSignal): Promise<void> {
    if (!this.session || !this.needsSlots) return;
    const now = Date.now();
    const { slots } = await this.transport().send(listSlotsRoute, {
      ...(signal ? { signal } : {}),
      therapistId: this.session.therapistId,
      query: { from: new Date(now).toISOString(), to: new Date(now + SLOT_HORIZON_DAYS * 86_400_000).toISOString() },
    });
    // Never the very time being changed: an open slot the host lists over the session's own hour.
    const { startsAt, endsAt } = this.session;
    this.slots = slots.filter(
      (slot) => !(Date.parse(slot.startsAt) < Date.parse(endsAt) && Date.parse(slot.endsAt) > Date.parse(startsAt)),
    );
    this.host.requestUpdate();
  }

  // Read again after a write failed, by `rereadSession` (internal/session-form.ts), in the decided phase.
}
