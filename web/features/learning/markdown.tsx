import type { ReactNode } from "react";
import Markdown from "react-markdown";

/** A YouTube or Vimeo address becomes the player's embed address (YouTube without tracking cookies). */
export function embedUrl(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^www\./, "");
  if (host === "youtu.be") return `https://www.youtube-nocookie.com/embed/${url.pathname.slice(1)}`;
  if (host === "youtube.com" && url.searchParams.get("v"))
    return `https://www.youtube-nocookie.com/embed/${url.searchParams.get("v")}`;
  if (host === "vimeo.com" && /^\/\d+$/.test(url.pathname))
    return `https://player.vimeo.com/video${url.pathname}`;
  return null;
}

function textOf(children: ReactNode): string {
  if (typeof children === "string") return children;
  if (Array.isArray(children)) return children.map(textOf).join("");
  return "";
}

/**
 * Learning content as the designer wrote it. react-markdown renders no raw HTML, so content cannot
 * inject script; a link alone in a paragraph to a video becomes an embedded player with its title.
 */
export function LearningContent({ markdown }: { markdown: string }) {
  return (
    <div className="learning-content">
      <Markdown
        components={{
          a: ({ href, children }) => {
            const embed = href ? embedUrl(href) : null;
            if (!embed) return <a href={href}>{children}</a>;
            return (
              <span className="video">
                <iframe src={embed} title={textOf(children) || href} loading="lazy" allowFullScreen />
                <a href={href}>{children}</a>
              </span>
            );
          },
          img: ({ src, alt }) => (
            <img src={typeof src === "string" ? src : undefined} alt={alt ?? ""} loading="lazy" />
          ),
        }}
      >
        {markdown}
      </Markdown>
    </div>
  );
}
