import { css } from 'lit';

/** What only the availability widget shows before the policy decides: the profile's state, the widget's summary. */
export const availabilityStyles = css`
  [part~='profile'] {
    font-weight: 600;
  }
`;
