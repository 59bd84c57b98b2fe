import 'server-only';
import { handlers } from './next-auth';

export { handlers };
