/** The seed and size every shipped bank is generated with (`npm run banks`); the bank tests hold the files to them. */
export const BANK_SEED = 20261122;
export const BANK_SIZE = 6000;
