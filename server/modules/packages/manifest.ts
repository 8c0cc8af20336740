import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Cmi5MoveOn, Cmi5Unit, PackageStandard, PackageUnit } from "../../db/schema/packages.ts";
import { invalid } from "../../errors.ts";

/**
 * Reading what a package is from its manifest: `imsmanifest.xml` (SCORM 1.2 or 2004) or `cmi5.xml`
 * (cmi5 Quartz), both at the root of the zip. Pure: it gets the file names and the manifest text.
 */

export interface PackageDescription {
  standard: PackageStandard;
  edition: string;
  title: string;
  units: PackageUnit[];
}

type Node = Record<string, unknown>;

const refuse = (code: string, params: Record<string, string | number> = {}) =>
  invalid("package", code, params);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) =>
    ["organization", "item", "resource", "file", "au", "block", "langstring", "objective"].includes(name),
});

function parse(xml: string, name: string): Node {
  if (XMLValidator.validate(xml) !== true) throw refuse("package_manifest_unreadable", { file: name });
  try {
    return parser.parse(xml) as Node;
  } catch {
    throw refuse("package_manifest_unreadable", { file: name });
  }
}

const asNode = (value: unknown): Node => (value && typeof value === "object" ? (value as Node) : {});
const asList = (value: unknown): Node[] =>
  Array.isArray(value) ? value.map(asNode) : value ? [asNode(value)] : [];
const attr = (node: Node, name: string): string | undefined => {
  const value = node[`@${name}`];
  return typeof value === "string" ? value : undefined;
};

/** Text of an element that is plain text, `{#text}` or cmi5's `<langstring>` list (the first one). */
function textOf(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  const node = asNode(value);
  if (typeof node["#text"] === "string" || typeof node["#text"] === "number")
    return String(node["#text"]).trim();
  const strings = asList(node.langstring);
  return strings.length ? textOf(strings[0]) : "";
}

const isExternal = (href: string) => /^[a-z][a-z0-9+.-]*:/i.test(href);
const withoutQuery = (href: string) => decodeURIComponent(href.split(/[?#]/)[0]!);

/** Resolves `href` against a folder of the package ("" for the root), staying inside the package. */
export function inPackage(base: string, href: string): string {
  const parts: string[] = [];
  for (const segment of `${base}${withoutQuery(href)}`.split("/")) {
    if (segment === "..") {
      if (!parts.pop()) throw refuse("package_path_escapes", { path: href });
    } else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

function requireFile(files: ReadonlySet<string>, path: string, manifest: string): void {
  if (!files.has(path)) throw refuse("package_missing_file", { path, file: manifest });
}

/** The SCORM edition: from `<schemaversion>`, else from the namespaces the manifest declares. */
function scormEdition(manifest: Node, xml: string): { standard: PackageStandard; edition: string } {
  const version = textOf(asNode(manifest.metadata).schemaversion);
  if (version === "1.2" || (!version && xml.includes("adlcp_rootv1p2")))
    return { standard: "scorm12", edition: "1.2" };
  if (/2004/.test(version) || version === "CAM 1.3" || (!version && xml.includes("adlcp_v1p3")))
    return { standard: "scorm2004", edition: /^2004/.test(version) ? version : "2004" };
  throw refuse("package_unknown_standard", { version: version || "?" });
}

function masteryOf(item: Node, standard: PackageStandard): number | null {
  if (standard === "scorm12") {
    const score = Number(textOf(item.masteryscore));
    return item.masteryscore !== undefined && score >= 0 && score <= 100 ? score / 100 : null;
  }
  const primary = asNode(asNode(asNode(item.sequencing).objectives).primaryObjective);
  if (attr(primary, "satisfiedByMeasure") !== "true") return null;
  const measure = Number(textOf(primary.minNormalizedMeasure));
  return Number.isFinite(measure) && measure >= -1 && measure <= 1 ? measure : null;
}

function itemsOf(node: Node): Node[] {
  return asList(node.item).flatMap((item) => [item, ...itemsOf(item)]);
}

/** SCORM 1.2 or 2004: the SCOs of the default organisation, in order, with their launch files checked. */
export function describeScorm(xml: string, files: ReadonlySet<string>): PackageDescription {
  const manifest = asNode(parse(xml, "imsmanifest.xml").manifest);
  if (!manifest.organizations && !manifest.resources)
    throw refuse("package_manifest_unreadable", { file: "imsmanifest.xml" });
  const { standard, edition } = scormEdition(manifest, xml);
  const organizations = asNode(manifest.organizations);
  const all = asList(organizations.organization);
  const chosen = all.find((o) => attr(o, "identifier") === attr(organizations, "default")) ?? all[0] ?? {};
  const resources = asList(asNode(manifest.resources).resource);
  const resourceBase = attr(asNode(manifest.resources), "base") ?? "";
  for (const resource of resources) {
    const base = inPackage("", `${resourceBase}${attr(resource, "base") ?? ""}`);
    for (const file of asList(resource.file)) {
      const href = attr(file, "href");
      if (href && !isExternal(href))
        requireFile(files, inPackage(base ? `${base}/` : "", href), "imsmanifest.xml");
    }
  }
  const units: PackageUnit[] = [];
  for (const item of itemsOf(chosen)) {
    const resource = resources.find((r) => attr(r, "identifier") === attr(item, "identifierref"));
    const type = resource && (attr(resource, "scormtype") ?? attr(resource, "scormType"))?.toLowerCase();
    const href = resource && attr(resource, "href");
    if (!resource || type !== "sco" || !href) continue;
    const base = inPackage("", `${resourceBase}${attr(resource, "base") ?? ""}`);
    const path = isExternal(href) ? href : inPackage(base ? `${base}/` : "", href);
    if (!isExternal(href)) requireFile(files, path, "imsmanifest.xml");
    const parameters = attr(item, "parameters") ?? "";
    units.push({
      id: attr(item, "identifier") ?? path,
      title: textOf(item.title) || path,
      href: parameters
        ? `${path}${parameters.startsWith("?") || parameters.startsWith("#") ? "" : "?"}${parameters}`
        : path,
      masteryScore: masteryOf(item, standard),
    });
  }
  if (units.length === 0) throw refuse("package_no_units", { file: "imsmanifest.xml" });
  const title = textOf(chosen.title) || units[0]!.title;
  return { standard, edition, title: title.slice(0, 200), units };
}

const MOVE_ON: readonly Cmi5MoveOn[] = [
  "Passed",
  "Completed",
  "CompletedAndPassed",
  "CompletedOrPassed",
  "NotApplicable",
];

/** One AU's launch settings; a bad moveOn or launchMethod refuses the package (cmi5 §13.1.4). */
function cmi5Settings(au: Node, courseId: string, blocks: { id: string; title: string }[]): Cmi5Unit {
  const moveOn = (attr(au, "moveOn") ?? "NotApplicable") as Cmi5MoveOn;
  const launchMethod = attr(au, "launchMethod") ?? "AnyWindow";
  if (!MOVE_ON.includes(moveOn) || !["AnyWindow", "OwnWindow"].includes(launchMethod))
    throw refuse("package_manifest_unreadable", { file: "cmi5.xml" });
  return {
    courseId,
    blocks,
    moveOn,
    launchMethod: launchMethod as Cmi5Unit["launchMethod"],
    launchParameters: textOf(au.launchParameters) || null,
    entitlementKey: textOf(asNode(au.entitlementKey).courseStructure) || textOf(au.entitlementKey) || null,
    objectives: asList(asNode(au.objectives).objective).map((o) => attr(o, "idref") ?? ""),
  };
}

/** cmi5's launch parameters go in the URL the LMS builds; an AU URL may not already carry them. */
const LAUNCH_PARAMETERS = ["endpoint", "fetch", "actor", "registration", "activityId"];

/** cmi5: the AUs of the course structure, blocks included, with relative URLs checked against the zip. */
export function describeCmi5(xml: string, files: ReadonlySet<string>): PackageDescription {
  const structure = asNode(parse(xml, "cmi5.xml").courseStructure);
  const course = asNode(structure.course);
  const courseId = attr(course, "id") ?? "";
  if (!structure.course || !isExternal(courseId))
    throw refuse("package_manifest_unreadable", { file: "cmi5.xml" });
  const seen = new Set<string>([courseId]);
  const unique = (id: string | undefined) => {
    if (!id || !isExternal(id) || seen.has(id))
      throw refuse("package_manifest_unreadable", { file: "cmi5.xml" });
    seen.add(id);
    return id;
  };
  for (const objective of asList(asNode(structure.objectives).objective)) unique(attr(objective, "id"));
  const unitsIn = (node: Node, blocks: { id: string; title: string }[]): PackageUnit[] => [
    ...asList(node.au).map((au) => {
      const id = unique(attr(au, "id"));
      const url = textOf(au.url);
      if (!url) throw refuse("package_manifest_unreadable", { file: "cmi5.xml" });
      const query = new URLSearchParams(url.split("?")[1]?.split("#")[0] ?? "");
      if (LAUNCH_PARAMETERS.some((name) => query.has(name)))
        throw refuse("package_manifest_unreadable", { file: "cmi5.xml" });
      if (!isExternal(url)) requireFile(files, inPackage("", url), "cmi5.xml");
      const mastery = Number(attr(au, "masteryScore"));
      return {
        id,
        title: textOf(au.title) || id,
        href: url,
        masteryScore: attr(au, "masteryScore") !== undefined && mastery >= 0 && mastery <= 1 ? mastery : null,
        cmi5: cmi5Settings(au, courseId, blocks),
      };
    }),
    ...asList(node.block).flatMap((block) => {
      const id = unique(attr(block, "id"));
      return unitsIn(block, [...blocks, { id, title: textOf(block.title) || id }]);
    }),
  ];
  const units = unitsIn(structure, []);
  if (units.length === 0) throw refuse("package_no_units", { file: "cmi5.xml" });
  return {
    standard: "cmi5",
    edition: "cmi5 Quartz",
    title: (textOf(course.title) || units[0]!.title).slice(0, 200),
    units,
  };
}

/** What the package is, from whichever manifest sits at the root of the zip. */
export function describePackage(files: ReadonlyMap<string, Uint8Array>): PackageDescription {
  const names = new Set(files.keys());
  const text = (name: string) => new TextDecoder().decode(files.get(name));
  if (files.has("imsmanifest.xml")) return describeScorm(text("imsmanifest.xml"), names);
  if (files.has("cmi5.xml")) return describeCmi5(text("cmi5.xml"), names);
  throw refuse("package_no_manifest");
}
