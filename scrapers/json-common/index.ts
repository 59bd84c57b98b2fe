export { repairMojibake } from './mojibake';
export { cleanHtml, cleanText, decodeEntities, FIELD_LIMITS, htmlToText, normalizeTags, truncate } from './text';
export { isoOrNull, parseDate } from './dates';
export { isRecord, parseJsonBody, wrongShape } from './json-body';
export { elementRef, httpUrl, idish, issueReason, numberish, parseElements, salaryBounds, type MapOutcome } from './items';
