// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // These packages load WASM, native bindings or their own files at run time:
  // they must be required from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'pg-boss', 'rss-parser', 'sanitize-html'],
  poweredByHeader: false,
};

module.exports = nextConfig;
