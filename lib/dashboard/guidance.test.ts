import { describe, expect, it } from 'vitest';
import { applyingOverBudget, buildingGap, goalProgress, guidance, hours, type GuidanceInput } from './guidance';

const base: GuidanceInput = {
  todayApplyingMinutes: 30,
  applyBudgetMinutes: 60,
  weekLearningBuildingMinutes: 300,
  weeklyGoalMinutes: 600,
  dayOfWeek: 3,
  daysWithoutBuilding: 0,
  hasEntries: true,
};

describe('guidance rules', () => {
  it.each([
    [30, 60, null],
    [60, 60, null],
    [61, 60, 'applying-over-budget'],
    [180, 60, 'applying-over-budget'],
  ])('applying %i min against a %i min budget -> %s', (applying, budget, id) => {
    expect(applyingOverBudget({ ...base, todayApplyingMinutes: applying, applyBudgetMinutes: budget })?.id ?? null).toBe(id);
  });

  it('says applying eats the day, with the figures', () => {
    expect(applyingOverBudget({ ...base, todayApplyingMinutes: 150 })?.message).toBe(
      'Applying eats the day: 150 min against a 60 min budget. Spend the rest on building.',
    );
  });

  it.each([
    [0, true, null],
    [1, true, null],
    [2, true, '2 days without building. Never stop building while job hunting.'],
    [3, true, '3 days without building. Never stop building while job hunting.'],
    [null, true, 'No building logged yet. Start a portfolio project: deployed projects are what employers look at.'],
    [null, false, null],
  ])('days without building %s (has entries %s) -> %s', (days, hasEntries, message) => {
    expect(buildingGap({ ...base, daysWithoutBuilding: days, hasEntries })?.message ?? null).toBe(message);
  });

  it.each([
    // done, goal, dayOfWeek -> id
    [600, 600, 3, 'goal-met'],
    [700, 600, 1, 'goal-met'],
    [86, 600, 1, 'goal-on-track'], // 600/7 = 85.7 -> 86 expected on Monday
    [85, 600, 1, 'goal-behind'],
    [257, 600, 3, 'goal-on-track'],
    [200, 600, 3, 'goal-behind'],
    [599, 600, 7, 'goal-behind'],
    [0, 0, 4, null],
  ])('%i of %i minutes on day %i -> %s', (done, goal, day, id) => {
    expect(goalProgress({ ...base, weekLearningBuildingMinutes: done, weeklyGoalMinutes: goal, dayOfWeek: day })?.id ?? null).toBe(id);
  });

  it('tells how much a day catches up when behind', () => {
    expect(goalProgress({ ...base, weekLearningBuildingMinutes: 120, dayOfWeek: 4 })?.message).toBe(
      'Behind the weekly goal: 2 h of 10 h. About 120 min a day for the 4 days left catches up.',
    );
    expect(goalProgress({ ...base, weekLearningBuildingMinutes: 570, dayOfWeek: 7 })?.message).toContain('for the 1 day left');
  });

  it('welcomes a new user instead of scolding', () => {
    expect(guidance({ ...base, hasEntries: false, daysWithoutBuilding: null, weekLearningBuildingMinutes: 0 }).map((g) => g.id)).toEqual(['start-logging']);
  });

  it('lists the urgent rules first', () => {
    const all = guidance({ ...base, todayApplyingMinutes: 200, daysWithoutBuilding: 4, weekLearningBuildingMinutes: 10 });
    expect(all.map((g) => g.id)).toEqual(['applying-over-budget', 'days-without-building', 'goal-behind']);
    expect(all.every((g) => g.tone === 'warn')).toBe(true);
  });

  it('formats hours', () => {
    expect(hours(600)).toBe('10 h');
    expect(hours(90)).toBe('1.5 h');
    expect(hours(100)).toBe('1.7 h');
  });
});
