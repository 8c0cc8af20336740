import type { Plugin, Rolldown } from "vite";

const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"[^>]*>/;

/**
 * Puts the app's one start-up stylesheet into index.html as a `<style>` element, and leaves its file
 * out of the build. A linked stylesheet holds back the first paint until it has arrived; on a slow phone
 * connection that was one more request before anything showed, while the script had arrived by then and
 * the first paint waited for the whole app to start. Inline, the product's bar (`boot-shell`) paints as
 * soon as the page itself is in. The server allows exactly this element by its hash in the Content
 * Security Policy (`server/http/web-app-page.ts`). Lazy screens' own stylesheets still load as files.
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
        const asset = bundle[fileName] as Rolldown.OutputAsset | undefined;
        if (asset?.type !== "asset") throw new Error(`inline-stylesheet: ${fileName} is not in the build`);
        const css =
          typeof asset.source === "string" ? asset.source : Buffer.from(asset.source).toString("utf8");
        if (css.includes("</style")) throw new Error(`inline-stylesheet: ${fileName} cannot be inlined`);
        delete bundle[fileName];
        return html.replace(link[0], () => `<style>${css}</style>`);
      },
    },
  };
}
