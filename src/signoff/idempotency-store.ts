/** What an Idempotency-Key on evaluate was first used for. */
export interface IdempotentRequest {
  bodyHash: string;
  evaluationId: string;
}

/** Idempotency keys of evaluate, per API key, remembered as long as the evaluation they name. */
export interface IdempotencyStore {
  find(apiKeyId: string, key: string): Promise<IdempotentRequest | null>;
  /** Remembers the first use of a key; when another request got there first, returns what it recorded. */
  remember(apiKeyId: string, key: string, first: IdempotentRequest): Promise<IdempotentRequest>;
}
