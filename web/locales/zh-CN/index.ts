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

/** 简体中文 — the default language and the source of every message key. */
export default {
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
