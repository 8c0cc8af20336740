import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SectionCard } from "../../components/section-card.tsx";

/** On the organisation page: where a coordinator switches AI drafting on or off (decision 0028). */
export function AiSettingsLink() {
  const { t } = useTranslation();
  return (
    <SectionCard id="ai-settings-link" title={t("ui.ai.settings.title")} hint={t("ui.ai.settings.linkHint")}>
      <Link to="/organisation/ai">{t("ui.ai.settings.link")}</Link>
    </SectionCard>
  );
}
