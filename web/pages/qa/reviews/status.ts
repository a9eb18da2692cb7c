/** How review statuses look in the QA pages. */
import type { REVIEW_STATUSES } from '../../../../server/modules/qa/qa.reviews.schema.ts';

export const STATUS_COLOR: Readonly<Record<(typeof REVIEW_STATUSES)[number], string>> = {
  submitted: 'blue',
  disputed: 'orange',
  upheld: 'default',
  revised: 'purple',
};
