// Boards' dates are read by the project's one date module; these names are what scrapers import.
export { isoOrNull, parseDate } from '../../lib/dates/parse';
