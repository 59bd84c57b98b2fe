import { numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Exchange rates for comparing salaries across currencies (as Golang Cafe does): USD per unit. */
export const exchangeRates = pgTable('exchange_rates', {
  currency: text().primaryKey(), // ISO 4217
  usdPerUnit: numeric({ precision: 18, scale: 8, mode: 'number' }).notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
