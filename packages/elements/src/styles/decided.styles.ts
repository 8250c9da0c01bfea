import { css } from 'lit';
import { decisionStyles } from './decision.styles.js';
import { fieldStyles } from './field.styles.js';
import { formStyles } from './form.styles.js';

/** What a policy widget's decided phase adds to its styles, as one sheet: fields, the form, then the decision. */
export const decidedStyles = css`
  ${fieldStyles}
  ${formStyles}
  ${decisionStyles}
`;
