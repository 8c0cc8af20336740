import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Page } from "../../components/page.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useDigestPreview } from "./team-api.ts";

/** Our own HTML, shown as an email client would: links open in a new tab, out of the sandboxed frame. */
const inFrame = (html: string) => html.replace("<head>", '<head><base target="_blank">');

/** The text version with its addresses as links (React escapes the rest: no HTML is interpreted). */
function TextVersion({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/);
  return (
    <pre className="digest-text">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </pre>
  );
}

/**
 * The weekly digest as it would be sent now, any day: the same list as "Needs you this week". Nothing is
 * sent; its links are preview links that show what they would record and record nothing.
 */
export function DigestPreviewPage() {
  const { t } = useTranslation();
  const preview = useDigestPreview();
  return (
    <Page title={t("ui.digestPreview.title")}>
      <p className="notice">{t("ui.digestPreview.intro")}</p>
      <QueryState query={preview}>
        {(data) => (
          <>
            <h2>{data.subject}</h2>
            <iframe
              className="digest-frame"
              title={t("ui.digestPreview.frameTitle")}
              sandbox="allow-popups allow-popups-to-escape-sandbox"
              srcDoc={inFrame(data.html)}
            />
            <details>
              <summary>{t("ui.digestPreview.textVersion")}</summary>
              <TextVersion text={data.text} />
            </details>
          </>
        )}
      </QueryState>
      <p>
        <Link to="/">{t("ui.digestPreview.back")}</Link>
      </p>
    </Page>
  );
}
