import { expect, type Page } from "@playwright/test";
import { APP } from "./fixtures.ts";

/**
 * The API as the signed-in page calls it, for what a journey sets up or counts without the screens:
 * the same origin and language as the web app, and the status each call must answer with.
 */
export const API_HEADERS = { origin: APP, "accept-language": "en" };

/** GET `path`, which must answer 200: its JSON. */
export async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${APP}${path}`, { headers: API_HEADERS });
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** POST `data` to `path`, which must answer `status` (201, made, unless told): its JSON. */
export async function postJson<T>(page: Page, path: string, data: object, status = 201): Promise<T> {
  const response = await page.request.post(`${APP}${path}`, { headers: API_HEADERS, data });
  expect(response.status(), path).toBe(status);
  return (await response.json()) as T;
}

/** DELETE `path`, which must succeed: removes what a journey added to the shared demo data. */
export async function remove(page: Page, path: string): Promise<void> {
  const response = await page.request.delete(`${APP}${path}`, { headers: API_HEADERS });
  expect(response.ok(), path).toBe(true);
}

/** A new trajectory of its own from the first template, titled `title`: its id. */
export async function copyOfTemplate(page: Page, title: string): Promise<string> {
  const templates = await getJson<{ document: Record<string, unknown> }[]>(page, "/api/trajectory-templates");
  return (await postJson<{ id: string }>(page, "/api/trajectories", { ...templates[0]!.document, title })).id;
}
