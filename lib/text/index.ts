export { decodeEntities } from './entities';
export { collapseWhitespace, htmlToText, lineText } from './html-to-text';
export { repairMojibake } from './mojibake';
