import { parse } from "csv-parse/sync";
import { isLocale, type Locale } from "../../../common/locales.ts";
import type { Role } from "../../../common/roles.ts";
import { emailSchema } from "../../../common/schemas/common.ts";

/** One row of a payroll/HR export, normalised to what Beklijf needs (and nothing more). */
export interface ImportCandidate {
  line: number;
  email: string;
  name: string;
  team: string | null;
  roles: Role[];
  rolesGiven: boolean;
  locale: Locale | null;
  employeeNumber: string | null;
  errors: { field: string; code: string }[];
}

export const MAX_IMPORT_ROWS = 5000;

type Column =
  "email" | "name" | "firstName" | "infix" | "lastName" | "team" | "roles" | "locale" | "employeeNumber";

// Column names seen in Dutch, Flemish and Walloon payroll exports (AFAS, Nmbrs, Loket, SD Worx, Partena,
// Securex) and in English.
const headerAliases: Record<Column, string[]> = {
  email: [
    "email",
    "e-mail",
    "emailadres",
    "e-mailadres",
    "mail",
    "e-mail werk",
    "werk e-mail",
    "zakelijk e-mailadres",
    "work email",
    "courriel",
    "adresse e-mail",
    "adresse mail",
  ],
  name: ["name", "naam", "volledige naam", "full name", "weergavenaam", "display name", "nom complet"],
  firstName: ["first name", "firstname", "given name", "voornaam", "roepnaam", "prénom", "prenom"],
  infix: ["tussenvoegsel", "tussenvoegsels", "infix"],
  lastName: ["last name", "lastname", "surname", "family name", "achternaam", "nom", "nom de famille"],
  team: ["team", "afdeling", "department", "dienst", "équipe", "equipe", "service", "département"],
  roles: ["roles", "role", "rollen", "rol", "rôles", "rôle"],
  locale: ["language", "taal", "locale", "langue"],
  employeeNumber: [
    "employee number",
    "employee id",
    "personeelsnummer",
    "personeelsnr",
    "medewerkernummer",
    "matricule",
    "numéro de personnel",
  ],
};

const roleAliases: Record<string, Role> = {
  coordinator: "coordinator",
  coördinator: "coordinator",
  designer: "designer",
  ontwerper: "designer",
  trainer: "designer",
  manager: "manager",
  leidinggevende: "manager",
  learner: "learner",
  deelnemer: "learner",
  medewerker: "learner",
  employee: "learner",
  coach: "coach",
  coordinateur: "coordinator",
  coordinatrice: "coordinator",
  concepteur: "designer",
  conceptrice: "designer",
  formateur: "designer",
  formatrice: "designer",
  responsable: "manager",
  apprenant: "learner",
  apprenante: "learner",
  participant: "learner",
  participante: "learner",
  collaborateur: "learner",
  collaboratrice: "learner",
};

const localeAliases: Record<string, Locale> = {
  nl: "nl",
  nederlands: "nl",
  dutch: "nl",
  vlaams: "nl",
  en: "en",
  english: "en",
  engels: "en",
  fr: "fr",
  "fr-be": "fr",
  français: "fr",
  francais: "fr",
  french: "fr",
  frans: "fr",
};

function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[._]/g, " ").replace(/\s+/g, " ").trim();
}

/** Payroll exports in the Low Countries use semicolons as often as commas; the header line decides. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const counts = [";", ",", "\t"].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  return counts.sort((a, b) => b.n - a.n)[0]?.n ? counts[0]!.d : ",";
}

function mapColumns(headers: string[]): Partial<Record<Column, number>> {
  const map: Partial<Record<Column, number>> = {};
  headers.forEach((header, index) => {
    const normal = normaliseHeader(header);
    for (const [column, aliases] of Object.entries(headerAliases) as [Column, string[]][]) {
      if (map[column] === undefined && aliases.includes(normal)) map[column] = index;
    }
  });
  return map;
}

function parseRoles(value: string): { roles: Role[]; unknown: boolean } {
  const parts = value
    .split(/[,;|/+]/)
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  const roles = parts.map((p) => roleAliases[p]);
  return { roles: [...new Set(roles.filter((r): r is Role => Boolean(r)))], unknown: roles.some((r) => !r) };
}

/** A file-level problem (not a row's): no usable header, too many rows, unreadable CSV. */
export type ImportFileProblem =
  "unreadable" | "missing_email_column" | "missing_name_column" | "too_many_rows" | "empty";

export class ImportFileError {
  readonly code: ImportFileProblem;

  constructor(code: ImportFileProblem) {
    this.code = code;
  }
}

/**
 * Parses a CSV export into candidates with per-row problems. Pure: it knows nothing about the
 * database; `planImport` compares the result with who already exists.
 */
export function parsePeopleCsv(text: string): ImportCandidate[] {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch {
    throw new ImportFileError("unreadable");
  }
  const [headers, ...rows] = records;
  if (!headers || rows.length === 0) throw new ImportFileError("empty");
  if (rows.length > MAX_IMPORT_ROWS) throw new ImportFileError("too_many_rows");
  const columns = mapColumns(headers);
  if (columns.email === undefined) throw new ImportFileError("missing_email_column");
  if (columns.name === undefined && columns.firstName === undefined && columns.lastName === undefined) {
    throw new ImportFileError("missing_name_column");
  }
  const seen = new Set<string>();
  return rows.map((row, index) => {
    const cell = (column: Column) =>
      columns[column] === undefined ? "" : (row[columns[column]!] ?? "").trim();
    const errors: ImportCandidate["errors"] = [];
    const rawEmail = cell("email");
    const email = emailSchema.safeParse(rawEmail);
    if (!rawEmail) errors.push({ field: "email", code: "required" });
    else if (!email.success) errors.push({ field: "email", code: "invalid_email" });
    else if (seen.has(email.data)) errors.push({ field: "email", code: "duplicate_in_file" });
    if (email.success) seen.add(email.data);
    const name =
      cell("name") || [cell("firstName"), cell("infix"), cell("lastName")].filter(Boolean).join(" ").trim();
    if (!name) errors.push({ field: "name", code: "required" });
    else if (name.length > 120) errors.push({ field: "name", code: "too_long" });
    const rawRoles = cell("roles");
    const parsedRoles = rawRoles ? parseRoles(rawRoles) : { roles: ["learner" as Role], unknown: false };
    if (parsedRoles.unknown || parsedRoles.roles.length === 0)
      errors.push({ field: "roles", code: "unknown_role" });
    const rawLocale = cell("locale").toLowerCase();
    const locale = rawLocale ? (localeAliases[rawLocale] ?? null) : null;
    if (rawLocale && !isLocale(locale)) errors.push({ field: "locale", code: "unknown_language" });
    const team = cell("team");
    if (team.length > 80) errors.push({ field: "team", code: "too_long" });
    return {
      line: index + 2,
      email: email.success ? email.data : rawEmail,
      name,
      team: team || null,
      roles: parsedRoles.roles,
      rolesGiven: Boolean(rawRoles),
      locale,
      employeeNumber: cell("employeeNumber") || null,
      errors,
    };
  });
}
