/** immunisations (RULES.md §5, LCC): looked after; yes → Done, no → Action needed, blank → Check data. */
import { describeYesNoRule } from './harness';

describeYesNoRule('immunisations', 'immunisationsUpToDate');
