import { describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import { fixtureZip, zipOf } from "../../../test-support/packages/zip.ts";
import { AppError } from "../../errors.ts";
import { openZip, unsafePathReason, ZIP_LIMITS } from "./zip-safety.ts";

function refusal(run: () => unknown): { code: string; status: number; field?: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError)
      return {
        code: error.fields[0]?.code ?? error.code,
        status: error.status,
        field: error.fields[0]?.field,
      };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("openZip", () => {
  it("opens a fixture package with all its files", () => {
    const files = openZip(fixtureZip("scorm12"));
    expect(files.map((f) => f.path).sort()).toEqual([
      "course.css",
      "course.js",
      "imsmanifest.xml",
      "index.html",
    ]);
    expect(new TextDecoder().decode(files.find((f) => f.path === "index.html")!.content)).toContain(
      "complaint",
    );
  });

  it("refuses what is not a zip", () => {
    expect(refusal(() => openZip(strToU8("<html>not a zip</html>")))).toMatchObject({
      code: "package_not_zip",
      field: "package",
    });
    expect(refusal(() => openZip(new Uint8Array(0))).code).toBe("package_not_zip");
  });

  it("refuses paths that leave the package folder", () => {
    expect(refusal(() => openZip(zipOf({ "../evil.html": strToU8("x") }))).code).toBe("package_path_escapes");
    expect(refusal(() => openZip(zipOf({ "a/../../evil.html": strToU8("x") }))).code).toBe(
      "package_path_escapes",
    );
    expect(refusal(() => openZip(zipOf({ "/etc/passwd": strToU8("x") }))).code).toBe("package_path_absolute");
    expect(refusal(() => openZip(zipOf({ "..\\evil.html": strToU8("x") }))).code).toBe(
      "package_path_backslash",
    );
  });

  it("refuses a symlink, judged from the entry's unix mode", () => {
    const zip = zipOf({ "index.html": [strToU8("/etc/passwd"), { os: 3, attrs: (0o120777 << 16) >>> 0 }] });
    expect(refusal(() => openZip(zip)).code).toBe("package_symlink");
  });

  it("refuses a zip bomb by its compression ratio, before inflating", () => {
    const zip = zipOf({ "big.txt": new Uint8Array(20 * 1024 * 1024) });
    expect(refusal(() => openZip(zip)).code).toBe("package_zip_bomb");
  });

  it("refuses a bomb that lies about its size, while inflating", () => {
    const zip = new Uint8Array(zipSync({ "a.txt": new Uint8Array(4096) }, { level: 9 }));
    const view = new DataView(zip.buffer);
    // Make both headers announce 10 bytes while the data inflates to 4096.
    for (let at = 0; at < zip.length - 4; at++) {
      const signature = view.getUint32(at, true);
      if (signature === 0x04034b50) view.setUint32(at + 22, 10, true);
      if (signature === 0x02014b50) view.setUint32(at + 24, 10, true);
    }
    expect(refusal(() => openZip(zip)).code).toBe("package_zip_bomb");
  });

  it("refuses too many entries, too much unpacked and too large a zip", () => {
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}.txt`, strToU8("x")]));
    const limits = { ...ZIP_LIMITS, entries: 10 };
    expect(refusal(() => openZip(zipOf(many), limits)).code).toBe("package_too_many_files");
    expect(refusal(() => openZip(zipOf(many), { ...ZIP_LIMITS, totalBytes: 5 })).code).toBe(
      "package_unpacked_too_large",
    );
    expect(refusal(() => openZip(zipOf(many), { ...ZIP_LIMITS, zipBytes: 100 }))).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      status: 413,
    });
  });
});

describe("unsafePathReason", () => {
  it("accepts ordinary nested paths", () => {
    expect(unsafePathReason("shared/scripts/app.js")).toBeNull();
    expect(unsafePathReason("media/")).toBeNull();
  });

  it("names the reason for an unsafe one", () => {
    expect(unsafePathReason("C:/windows/win.ini")).toBe("package_path_absolute");
    expect(unsafePathReason("a\u0000.html")).toBe("package_path_unsafe");
    expect(unsafePathReason("a/./b")).toBe("package_path_unsafe");
  });
});
