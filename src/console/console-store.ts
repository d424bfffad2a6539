/** A console session as stored: never the token, only its hash; the key it was opened with, sealed. */
export interface StoredSession {
  tokenHash: string;
  keyId: string;
  /** The API key, sealed under the session token (session-token.ts). */
  sealedKey: Buffer;
  createdAt: Date;
  expiresAt: Date;
}

/** Someone has an evaluation open in the console: a hint to the others, never a lock on anything. */
export interface ReviewMark {
  evaluationId: string;
  owner: string;
  keyId: string;
  name: string;
  openedAt: Date;
  seenAt: Date;
}

/** Sessions of the review console, and who is looking at which escalation. Both are state, not history. */
export interface ConsoleStore {
  openSession(session: StoredSession): Promise<void>;
  /** The live session with this hash whose key is not revoked, or null. */
  session(tokenHash: string, at: Date): Promise<StoredSession | null>;
  endSession(tokenHash: string): Promise<void>;
  /** Removes sessions past their expiry and marks long expired; returns how many rows went. */
  prune(at: Date, marksSeenBefore: Date): Promise<number>;
  /** Records (or refreshes) that `owner` has the evaluation open. */
  markReviewing(mark: Omit<ReviewMark, 'openedAt'>): Promise<void>;
  /** `owner` closed it, or signed it. */
  unmarkReviewing(evaluationId: string, owner: string): Promise<void>;
  /** Marks of these evaluations seen at or after `since` (older ones have expired). */
  reviewing(evaluationIds: readonly string[], since: Date): Promise<ReviewMark[]>;
}
