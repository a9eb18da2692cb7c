import type { Dictionary } from '../types.ts';
import common from './common.ts';
import menu from './menu.ts';
import org from './org.ts';
import people from './people.ts';
import system from './system.ts';
import account from './account.ts';
import kpi from './kpi.ts';
import ingest from './ingest.ts';
import metrics from './metrics.ts';
import appraisal from './appraisal.ts';
import appraisalReviews from './appraisal-reviews.ts';
import qa from './qa.ts';
import qaWeekly from './qa-weekly.ts';
import qaInspection from './qa-inspection.ts';
import enums from './enums.ts';

/** English; each part is typed by its Chinese counterpart, so the keys cannot drift. */
const dictionary: Dictionary = {
  messages: {
    ...common,
    ...menu,
    ...org,
    ...people,
    ...system,
    ...account,
    ...kpi,
    ...ingest,
    ...metrics,
    ...appraisal,
    ...appraisalReviews,
    ...qa,
    ...qaWeekly,
    ...qaInspection,
  },
  enums,
};
export default dictionary;
