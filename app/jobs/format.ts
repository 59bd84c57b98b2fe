// The listing display helpers live in lib/search/format.ts (the feeds and digests use them too).
export * from '@/lib/search/format';
