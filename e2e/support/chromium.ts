import { statSync } from 'node:fs';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium (or CHROMIUM_PATH); throws one message that says how to install it. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH?.trim() || DEFAULT_CHROMIUM;
  let ok = false;
  try {
    ok = statSync(path).isFile();
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new Error(
      `The browser tests need Chromium, and there is none at ${path}. ` +
        'Install it with `apt-get install -y chromium` (Debian; .ci/run does this), ' +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  return path;
}

/** CI (or E2E_REQUIRE_BROWSER=1) must run the browser tests: there a missing Chromium fails the run. */
export function browserRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  const flag = (value: string | undefined) => value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
  return flag(env.CI) || flag(env.E2E_REQUIRE_BROWSER);
}
