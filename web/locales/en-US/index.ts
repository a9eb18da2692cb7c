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
import enums from './enums.ts';

/** English; each part is typed by its Chinese counterpart, so the keys cannot drift. */
const dictionary: Dictionary = {
  messages: { ...common, ...menu, ...org, ...people, ...system, ...account, ...kpi, ...ingest, ...metrics },
  enums,
};
export default dictionary;
