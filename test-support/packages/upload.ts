import type { SharedTestApp } from "../app.ts";
import { TEST_ORIGIN } from "../app.ts";

/** A multipart/form-data body with one file field, as a browser's FormData sends it. */
export function multipartBody(
  bytes: Uint8Array,
  { field = "package", filename = "package.zip", type = "application/zip" } = {},
): { payload: Buffer; contentType: string } {
  const boundary = `----beklijf${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  const payload = Buffer.concat([
    Buffer.from(head),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads a zip to a trajectory as the designer's browser does. */
export function uploadPackage(
  t: Pick<SharedTestApp, "app">,
  cookie: string,
  trajectoryId: string,
  zip: Uint8Array,
  headers: Record<string, string> = {},
) {
  const { payload, contentType } = multipartBody(zip);
  return t.app.inject({
    method: "POST",
    url: `/api/trajectories/${trajectoryId}/packages`,
    headers: {
      origin: TEST_ORIGIN,
      cookie,
      "content-type": contentType,
      "accept-language": "en",
      ...headers,
    },
    payload,
  });
}
