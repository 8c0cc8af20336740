import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SectionCard } from "../../components/section-card.tsx";

/** On the organisation page: where a coordinator connects e-learning and other systems (xAPI). */
export function XapiClientsLink() {
  const { t } = useTranslation();
  return (
    <SectionCard id="xapi-clients-link" title={t("ui.xapiClients.title")} hint={t("ui.xapiClients.linkHint")}>
      <Link to="/organisation/xapi-clients">{t("ui.xapiClients.manage")}</Link>
    </SectionCard>
  );
}
