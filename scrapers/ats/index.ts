// Following companies through their hiring systems (Greenhouse, Lever, Ashby, Workable):
// finding a company's board, its API URL and board id, and parsing the API's responses.
export { HIRING_SYSTEMS, HIRING_SYSTEM_NAMES, isHiringSystem, isValidToken, type HiringBoardRef, type HiringSystem } from './systems';
export { hiringBoardFromUrl, findHiringBoardInHtml } from './detect';
export { atsApiUrl, hiringBoardPageUrl, ATS_API_ENV } from './api-url';
export { atsBoardId, systemOfAtsBoardId } from './board-id';
export { parseAtsResponse } from './parse';
export { createAtsBoard } from './board';
export { MAX_JOBS_PER_RESPONSE, type AtsParseResult } from './common';
