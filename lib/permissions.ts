// Who may do what. Every server function asks for one of these; roles map to
// permissions here and nowhere else.

export const ROLES = ["ADMIN", "HANDLER", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "reports.read": ["ADMIN", "HANDLER", "VIEWER"],
  "reports.write": ["ADMIN", "HANDLER"],
  "projects.read": ["ADMIN", "HANDLER", "VIEWER"],
  "projects.write": ["ADMIN"],
  "users.manage": ["ADMIN"],
  "tokens.manage": ["ADMIN"],
  "settings.manage": ["ADMIN"],
  /** one's own account: name, password, team-mail choices */
  "account.self": ["ADMIN", "HANDLER", "VIEWER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleCan(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  HANDLER: "Handler",
  VIEWER: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  ADMIN: "Everything handlers can do, plus users, tokens, projects and policy",
  HANDLER: "Triages reports, messages reporters, records versions",
  VIEWER: "Reads the board and matrix without changing them",
};
