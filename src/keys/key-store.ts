export const ROLES = ['agent', 'supervisor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface CreatedKey extends ApiKey {
  /** The only time the secret exists in the clear. */
  token: string;
}

export interface KeyStore {
  create(name: string, role: Role): Promise<CreatedKey>;
  /** The key a token belongs to, if the token is valid and not revoked. */
  verify(token: string): Promise<ApiKey | null>;
  list(): Promise<ApiKey[]>;
  revoke(id: string): Promise<boolean>;
  count(): Promise<number>;
}
