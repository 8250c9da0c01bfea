import type { ReactiveController, ReactiveElement } from 'lit';

/** What the person does inside a widget; anything else (a load, a timer, a host's answer) is not them. */
const PERSON_EVENTS = ['click', 'keydown', 'submit', 'input', 'change'] as const;

/**
 * Moves focus only when the person caused the change: after they clicked, typed or submitted in
 * the widget, never on the first load (a page with six widgets would jump to the last one) and
 * never for a change the page made. The next move after their action uses it up.
 */
export class PersonFocus implements ReactiveController {
  #acted = false;
  readonly #note = () => {
    this.#acted = true;
  };

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of PERSON_EVENTS) this.host.renderRoot.addEventListener(type, this.#note, { capture: true });
  }

  hostDisconnected(): void {
    for (const type of PERSON_EVENTS) this.host.renderRoot.removeEventListener(type, this.#note, { capture: true });
  }

  /** Focuses `target` if the person acted since the last move. */
  move(target: HTMLElement | null | undefined): void {
    if (!this.#acted || !target) return;
    this.#acted = false;
    target.focus();
  }
}
