import { useTranslation } from "react-i18next";
import { Page } from "../../components/page.tsx";
import { SectionCard } from "../../components/section-card.tsx";

const sections = [
  { id: "what", title: "whatTitle", lines: ["what1", "what2", "what3"] },
  { id: "not", title: "notTitle", lines: ["not1", "not2", "not3"] },
  { id: "act", title: "actTitle", lines: ["act1", "act2", "act3"] },
  { id: "prompts", title: "promptsTitle", lines: ["prompts"] },
] as const;

/** What AI drafting does and does not do, in the AI Act's terms (decision 0028); for everyone signed in. */
export function AiAboutPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("ui.ai.about.title")}>
      <p className="lead">{t("ui.ai.about.intro")}</p>
      {sections.map((section) => (
        <SectionCard key={section.id} id={`ai-about-${section.id}`} title={t(`ui.ai.about.${section.title}`)}>
          {section.lines.map((line) => (
            <p key={line}>{t(`ui.ai.about.${line}`)}</p>
          ))}
        </SectionCard>
      ))}
    </Page>
  );
}
