import type { Plugin } from "vite";

const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"[^>]*>/;

/**
 * Puts the app's start-up stylesheet into index.html as a `<style>` element. A linked stylesheet holds
 * back the first paint until it has arrived; on a slow phone connection that was one more request
 * before anything showed, and by then the script had arrived too, so the first paint waited for the
 * whole app to start. Inline, the product's bar (`boot-shell`) paints as soon as the page itself is in.
 * The server allows exactly this element by its hash in the Content Security Policy
 * (`server/http/web-app-page.ts`). Lazy screens' own stylesheets still load as files.
 *
 * The file stays in the build, and the page keeps a `disabled` link to it, which the browser neither
 * fetches nor applies: a lazy screen that shares code with the entry lists the entry's stylesheet among
 * the files to load before it, and Vite's loader skips a stylesheet the page already links. Without the
 * link it would add the stylesheet again, after the screens' own, and fail where the file is missing.
 */
export function inlineStylesheet(): Plugin {
  return {
    name: "beklijf-inline-stylesheet",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, context) {
        const link = STYLESHEET_LINK.exec(html);
        const bundle = context.bundle;
        if (!link || !bundle) return html;
        const fileName = link[1]!;
        const asset = bundle[fileName];
        if (asset?.type !== "asset") throw new Error(`inline-stylesheet: ${fileName} is not in the build`);
        const css =
          typeof asset.source === "string" ? asset.source : Buffer.from(asset.source).toString("utf8");
        if (css.includes("</style")) throw new Error(`inline-stylesheet: ${fileName} cannot be inlined`);
        const inline = `<style>${css}</style>\n    <link rel="stylesheet" href="/${fileName}" disabled>`;
        return html.replace(link[0], () => inline);
      },
    },
  };
}
