import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A screen's heading. It sets the document title and takes focus after navigation, so a
 * screen-reader or keyboard user lands at the start of the new screen.
 */
export function Page({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t("ui.app.name")}`;
  }, [title, t]);
  useEffect(() => {
    // In the next frame, where the browser lays the screen out anyway: focusing at once forced that
    // layout inside React's commit, part of one long task on a slow phone (decision 0031).
    const frame = requestAnimationFrame(() => heading.current?.focus({ preventScroll: false }));
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <>
      <div className="page-header">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </>
  );
}
