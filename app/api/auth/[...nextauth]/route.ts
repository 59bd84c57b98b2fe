import { handlers } from '@/lib/auth/route-handlers';
import { handle } from '../../http';

// next-auth's own endpoints: /api/auth/csrf, /api/auth/callback/credentials, /api/auth/session, ...
// Public on purpose (they are how one signs in); next-auth checks its CSRF token itself.
// Through handle() for its body-size refusal (see proxy.ts) and its error mapping.
export const GET = handle(handlers.GET);
export const POST = handle(handlers.POST);
