import type { LookupAddress } from 'node:dns';

// Tests never ask real DNS. `vi.mock('node:dns', fakeDns)` answers every `*.example` name (RFC
// 2606) with a public documentation-free unicast address, so the fetch guard's add-time check
// passes them without the network, and every other name with ENOTFOUND.
export const FAKE_PUBLIC_ADDRESS = '93.184.215.14';

export async function fakeDns(original: () => Promise<typeof import('node:dns')>): Promise<typeof import('node:dns')> {
  const real = await original();
  const lookup = async (hostname: string): Promise<LookupAddress[]> => {
    if (/(^|\.)example\.?$/i.test(hostname)) return [{ address: FAKE_PUBLIC_ADDRESS, family: 4 }];
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
  };
  const promises = { ...real.promises, lookup } as unknown as typeof real.promises;
  return { ...real, promises, default: { ...real, promises } } as typeof real;
}
