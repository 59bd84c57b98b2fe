/**
 * First address of X-Forwarded-For (Next's server sets it from the socket; a proxy in front
 * appends to it), else X-Real-IP. Behind no proxy a client can forge it, which is why the
 * per-account limit stands on its own.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip')?.trim() || null;
}
