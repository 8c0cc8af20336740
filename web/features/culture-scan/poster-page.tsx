import { useQuery } from "@tanstack/react-query";
import QRCode from "qrcode";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Page } from "../../components/page.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useScans } from "./culture-scan-api.ts";

/** A printable poster with the shared link as a QR code, for staff without company email. */
export function PosterPage() {
  const { t } = useTranslation();
  const { scanId = "" } = useParams();
  const scans = useScans();
  const scan = scans.data?.find((s) => s.id === scanId);
  const qr = useQuery({
    queryKey: ["qr", scan?.sharedLink],
    queryFn: () => QRCode.toString(scan!.sharedLink!, { type: "svg", margin: 1 }),
    enabled: Boolean(scan?.sharedLink),
  });
  return (
    <Page title={scan?.title ?? t("ui.scans.poster")}>
      <QueryState query={scans} otherError={qr.error}>
        {() => (
          <>
            {scan && !scan.sharedLink ? <p className="notice">{t("ui.scans.posterClosed")}</p> : null}
            {scan?.sharedLink && qr.data ? (
              <div className="poster card">
                <p className="poster-lead">{t("ui.scans.posterLead")}</p>
                <img
                  className="qr"
                  src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr.data)}`}
                  alt={t("ui.scans.qrAlt")}
                />
                <p className="poster-link">{scan.sharedLink}</p>
                <p>{t("ui.scans.posterAnonymous")}</p>
                <button type="button" className="button-primary no-print" onClick={() => window.print()}>
                  {t("ui.scans.print")}
                </button>
              </div>
            ) : null}
          </>
        )}
      </QueryState>
    </Page>
  );
}
