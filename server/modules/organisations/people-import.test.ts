import { describe, expect, it } from "vitest";
import { detectDelimiter, ImportFileError, parsePeopleCsv } from "./people-import.ts";

describe("parsePeopleCsv", () => {
  it("reads a Dutch payroll export with semicolons, name parts and a BOM", () => {
    const csv =
      "\uFEFFPersoneelsnummer;Voornaam;Tussenvoegsel;Achternaam;E-mailadres;Afdeling;Taal\n" +
      "1001;Jan;van der;Berg;Jan.vdBerg@Bedrijf.nl;Montage;Nederlands\n";
    const [row] = parsePeopleCsv(csv);
    expect(row).toMatchObject({
      line: 2,
      email: "jan.vdberg@bedrijf.nl",
      name: "Jan van der Berg",
      team: "Montage",
      roles: ["learner"],
      locale: "nl",
      employeeNumber: "1001",
      errors: [],
    });
  });

  it("reads a Walloon payroll export in French: columns, roles and language", () => {
    const csv =
      "Matricule;Prénom;Nom;Adresse e-mail;Service;Rôle;Langue\n" +
      "2001;Amélie;Dupont;amelie.dupont@exemple.be;Atelier;Responsable;Français\n";
    const [row] = parsePeopleCsv(csv);
    expect(row).toMatchObject({
      email: "amelie.dupont@exemple.be",
      name: "Amélie Dupont",
      team: "Atelier",
      roles: ["manager"],
      locale: "fr",
      employeeNumber: "2001",
      errors: [],
    });
  });

  it("reads an English export with commas, quotes and roles", () => {
    const csv = 'Name,Email,Department,Roles\n"Smith, Anne",anne@example.com,Sales,"manager, learner"\n';
    const [row] = parsePeopleCsv(csv);
    expect(row).toMatchObject({
      name: "Smith, Anne",
      team: "Sales",
      roles: ["manager", "learner"],
      rolesGiven: true,
      errors: [],
    });
  });

  it("marks each bad row with the field and problem", () => {
    const csv =
      "email;naam;rol;taal\n" +
      "goed@x.nl;Goed;deelnemer;en\n" +
      "fout-adres;Fout;;\n" +
      ";Geen Adres;;\n" +
      "goed@x.nl;Dubbel;;\n" +
      "rol@x.nl;Rol;baas;\n" +
      "taal@x.nl;Taal;;klingon\n" +
      "naam@x.nl;;;\n";
    const rows = parsePeopleCsv(csv);
    expect(rows.map((r) => r.errors.map((e) => `${e.field}:${e.code}`))).toEqual([
      [],
      ["email:invalid_email"],
      ["email:required"],
      ["email:duplicate_in_file"],
      ["roles:unknown_role"],
      ["locale:unknown_language"],
      ["name:required"],
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it("refuses a file without an email column or without rows", () => {
    expect(() => parsePeopleCsv("naam;team\nJan;A\n")).toThrow(ImportFileError);
    expect(() => parsePeopleCsv("email;naam\n")).toThrow(ImportFileError);
  });

  it("detects the delimiter from the header line", () => {
    expect(detectDelimiter("a;b;c\n1,2;3")).toBe(";");
    expect(detectDelimiter("a,b\n")).toBe(",");
    expect(detectDelimiter("a\tb\n")).toBe("\t");
    expect(detectDelimiter("email\n")).toBe(",");
  });
});
