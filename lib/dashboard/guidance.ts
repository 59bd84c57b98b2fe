// The advice trackend keeps, as pure rules over the day's and the week's figures: apply for
// about an hour a day, spend the rest on learning and building, never stop building.

export interface GuidanceInput {
  todayApplyingMinutes: number;
  applyBudgetMinutes: number;
  /** Learning + building minutes this week (Monday to the day shown). */
  weekLearningBuildingMinutes: number;
  weeklyGoalMinutes: number;
  /** 1 on Monday .. 7 on Sunday. */
  dayOfWeek: number;
  /** Days since the last day with building; null when the user never logged building. */
  daysWithoutBuilding: number | null;
  /** Anything logged at all (a brand-new user gets a welcome, not a scolding). */
  hasEntries: boolean;
}

export type GuidanceId = 'applying-over-budget' | 'days-without-building' | 'no-building-yet' | 'goal-met' | 'goal-on-track' | 'goal-behind' | 'start-logging';

export interface Guidance {
  id: GuidanceId;
  tone: 'warn' | 'good' | 'info';
  message: string;
}

/** Building may pause for a day; from this many days without it the dashboard says so. */
export const DAYS_WITHOUT_BUILDING_WARNING = 2;

export function hours(minutes: number): string {
  const h = minutes / 60;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} h`;
}

export function applyingOverBudget(input: GuidanceInput): Guidance | null {
  if (input.todayApplyingMinutes <= input.applyBudgetMinutes) return null;
  return {
    id: 'applying-over-budget',
    tone: 'warn',
    message: `Applying eats the day: ${input.todayApplyingMinutes} min against a ${input.applyBudgetMinutes} min budget. Spend the rest on building.`,
  };
}

export function buildingGap(input: GuidanceInput): Guidance | null {
  if (input.daysWithoutBuilding === null) {
    if (!input.hasEntries) return null;
    return { id: 'no-building-yet', tone: 'warn', message: 'No building logged yet. Start a portfolio project: deployed projects are what employers look at.' };
  }
  if (input.daysWithoutBuilding < DAYS_WITHOUT_BUILDING_WARNING) return null;
  return {
    id: 'days-without-building',
    tone: 'warn',
    message: `${input.daysWithoutBuilding} days without building. Never stop building while job hunting.`,
  };
}

/** The weekly goal, pro rata: by day N of 7 the week should hold N/7 of it. */
export function goalProgress(input: GuidanceInput): Guidance | null {
  const goal = input.weeklyGoalMinutes;
  const done = input.weekLearningBuildingMinutes;
  if (goal <= 0) return null;
  if (done >= goal) return { id: 'goal-met', tone: 'good', message: `Weekly goal met: ${hours(done)} of ${hours(goal)} learning and building.` };
  const expected = Math.round((goal * input.dayOfWeek) / 7);
  if (done >= expected) {
    return { id: 'goal-on-track', tone: 'good', message: `On track for the weekly goal: ${hours(done)} of ${hours(goal)}.` };
  }
  const daysLeft = 7 - input.dayOfWeek + 1; // today still counts
  const perDay = Math.ceil((goal - done) / daysLeft);
  return {
    id: 'goal-behind',
    tone: 'warn',
    message: `Behind the weekly goal: ${hours(done)} of ${hours(goal)}. About ${perDay} min a day for the ${daysLeft} day${daysLeft === 1 ? '' : 's'} left catches up.`,
  };
}

/** Every rule that has something to say, most urgent first. */
export function guidance(input: GuidanceInput): Guidance[] {
  if (!input.hasEntries) {
    return [{ id: 'start-logging', tone: 'info', message: 'Log your first hour of applying, learning or building to see your balance here.' }];
  }
  return [applyingOverBudget(input), buildingGap(input), goalProgress(input)].filter((g): g is Guidance => g !== null);
}
