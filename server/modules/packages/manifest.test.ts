import { describe, expect, it } from "vitest";
import { fixtureFiles, type FixturePackage } from "../../../test-support/packages/zip.ts";
import { AppError } from "../../errors.ts";
import { describePackage, inPackage } from "./manifest.ts";

const fixtureText = (file: string) => new TextDecoder().decode(fixtureFiles("cmi5")[file]);

const describeFixture = (name: FixturePackage, change: Record<string, string | null> = {}) =>
  describePackage(new Map(Object.entries(fixtureFiles(name, change))));

function refusalCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.fields[0]?.code ?? error.code;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("describePackage", () => {
  it("reads a SCORM 1.2 package: title, SCO and mastery score", () => {
    expect(describeFixture("scorm12")).toEqual({
      standard: "scorm12",
      edition: "1.2",
      title: "Handling a complaint (SCORM 1.2)",
      units: [
        { id: "item-1", title: "The first minute of a complaint", href: "index.html", masteryScore: 0.8 },
      ],
    });
  });

  it("reads a SCORM 2004 4th edition package, mastery from its primary objective", () => {
    const description = describeFixture("scorm2004");
    expect(description).toMatchObject({ standard: "scorm2004", edition: "2004 4th Edition" });
    expect(description.units[0]!.masteryScore).toBe(0.8);
  });

  it("reads a cmi5 course: its AUs with moveOn mastery", () => {
    expect(describeFixture("cmi5")).toEqual({
      standard: "cmi5",
      edition: "cmi5 Quartz",
      title: "Handling a complaint (cmi5)",
      units: [
        {
          id: "https://beklijf.example/fixtures/cmi5-complaint/au-1",
          title: "The first minute of a complaint",
          href: "index.html",
          masteryScore: 0.8,
          cmi5: {
            courseId: "https://beklijf.example/fixtures/cmi5-complaint",
            blocks: [
              { id: "https://beklijf.example/fixtures/cmi5-complaint/block-1", title: "The first minute" },
            ],
            moveOn: "CompletedAndPassed",
            launchMethod: "AnyWindow",
            launchParameters: '{"question":"first-minute"}',
            entitlementKey: "complaint-course",
            objectives: ["https://beklijf.example/fixtures/cmi5-complaint/objectives/listen"],
          },
        },
      ],
    });
  });

  it("refuses a cmi5 course with a duplicate id, an unknown moveOn, or an AU URL carrying launch parameters", () => {
    const xml = fixtureText("cmi5.xml");
    const au = "https://beklijf.example/fixtures/cmi5-complaint/au-1";
    const cases = [
      xml.replace(au, "https://beklijf.example/fixtures/cmi5-complaint/block-1"),
      xml.replace('moveOn="CompletedAndPassed"', 'moveOn="Attended"'),
      xml.replace("<url>index.html</url>", "<url>index.html?registration=x</url>"),
      xml.replace('course id="https://beklijf.example/fixtures/cmi5-complaint"', 'course id="not an iri"'),
    ];
    for (const changed of cases)
      expect(refusalCode(() => describeFixture("cmi5", { "cmi5.xml": changed }))).toBe(
        "package_manifest_unreadable",
      );
  });

  it("refuses a zip without a manifest, a manifest that does not parse, and missing files", () => {
    expect(refusalCode(() => describeFixture("scorm12", { "imsmanifest.xml": null }))).toBe(
      "package_no_manifest",
    );
    expect(
      refusalCode(() => describeFixture("scorm12", { "imsmanifest.xml": "<manifest><organizations>" })),
    ).toBe("package_manifest_unreadable");
    expect(refusalCode(() => describeFixture("scorm12", { "course.js": null }))).toBe("package_missing_file");
    expect(refusalCode(() => describeFixture("cmi5", { "index.html": null }))).toBe("package_missing_file");
  });

  it("refuses a manifest whose files point outside the package", () => {
    const manifest = fixtureFiles("scorm12")["imsmanifest.xml"]!;
    const evil = new TextDecoder().decode(manifest).replace('href="index.html">', 'href="../../index.html">');
    expect(refusalCode(() => describeFixture("scorm12", { "imsmanifest.xml": evil }))).toBe(
      "package_path_escapes",
    );
  });
});

describe("inPackage", () => {
  it("resolves relative paths inside the package and drops query strings", () => {
    expect(inPackage("content/", "../index.html?x=1#top")).toBe("index.html");
    expect(inPackage("", "a/./b%20c.html")).toBe("a/b c.html");
  });
});
