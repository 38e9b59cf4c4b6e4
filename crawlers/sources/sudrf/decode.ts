// Decoding and windows-1251 query encoding are the engine's (every source needs them);
// re-exported here for the sudrf modules and tests that import them by this path.
export * from '../../engine/decode.ts';
