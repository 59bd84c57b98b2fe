import 'server-only';
import { handlers } from './next-auth';

export const { GET, POST } = handlers;
