import { css } from 'lit';

/**
 * What every widget shares: its custom properties fall back to the global `--rc-*` tokens, so a
 * partner matches their brand with CSS alone, in light and dark (the system's scheme unless
 * `--rc-color-scheme` says `light` or `dark`), and motion stops when asked.
 */
export const baseStyles = css`
  :host {
    --_accent: var(--rc-color-accent, light-dark(#2f5d8a, #8cb8e6));
    --_accent-text: var(--rc-color-accent-text, light-dark(#ffffff, #0d1a26));
    --_text: var(--rc-color-text, light-dark(#1d2329, #e8ecef));
    --_muted: var(--rc-color-text-muted, light-dark(#4c5661, #b3bcc5));
    --_surface: var(--rc-color-surface, light-dark(#ffffff, #161b20));
    --_surface-raised: var(--rc-color-surface-raised, light-dark(#f3f5f7, #222a31));
    --_border: var(--rc-color-border, light-dark(#c4ccd4, #4a5663));
    --_danger: var(--rc-color-danger, light-dark(#a4262c, #ff9a9f));
    --_warning: var(--rc-color-warning, light-dark(#7a4d00, #ffd27a));
    --_success: var(--rc-color-success, light-dark(#1e6b3a, #8fd9a8));
    --_focus: var(--rc-color-focus, light-dark(#1a73e8, #8ab4f8));
    --_radius: var(--rc-radius, 0.5rem);
    --_space: var(--rc-space, 1rem);
    --_font: var(--rc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_duration: var(--rc-duration, 150ms);

    /* The scheme picks each colour's light or dark value (light-dark()) and native controls' look. */
    color-scheme: var(--rc-color-scheme, light dark);
    display: block;
    color: var(--_text);
    background: var(--_surface);
    font-family: var(--_font);
    line-height: 1.5;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    max-inline-size: 40rem;
  }

  :host([hidden]) {
    display: none;
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration: 0ms;
    }
  }

  h2,
  h3 {
    margin: 0 0 calc(var(--_space) / 2);
    line-height: 1.25;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1rem;
  }
  h2:focus {
    outline: none;
  }
  p {
    margin: 0 0 calc(var(--_space) / 2);
  }

  button {
    font: inherit;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    cursor: pointer;
    transition: background-color var(--_duration);
  }
  button[data-variant='primary'] {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  button[data-variant='secondary'] {
    background: transparent;
    color: var(--_accent);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
