export { cleanHtml, cleanText, FIELD_LIMITS, normalizeTags, truncate } from './fields';
export { isoOrNull, parseDate } from './dates';
export { isRecord, parseJsonBody, wrongShape } from './json-body';
export { elementRef, httpUrl, idish, issueReason, numberish, parseElements, salaryBounds, type MapOutcome } from './items';
