import type { Locale } from "../../../common/locales.ts";
import { translator } from "../../i18n.ts";

export type EmailTemplate =
  | { template: "invitation"; params: { name: string; organisation: string; inviter: string; link: string } }
  | { template: "password-reset"; params: { name: string; link: string } }
  | { template: "sign-in-link"; params: { name: string; link: string; code: string; minutes: number } }
  | {
      template: "culture-scan-invitation";
      params: { name: string; organisation: string; title: string; link: string; closesOn: string };
    }
  | {
      template: "culture-scan-reminder";
      params: { name: string; title: string; link: string; closesOn: string };
    }
  | {
      template: "feedback-requested";
      params: { name: string; requester: string; about: string; link: string };
    }
  | {
      template: "manager-digest";
      params: { name: string; items: string; teamLink: string };
    }
  | {
      template: "application-logged";
      params: { name: string; learner: string; action: string; outcome: string; link: string };
    }
  | {
      template: "cohort-dates-changed";
      params: { name: string; cohort: string; dates: string; link: string };
    }
  | {
      template: "notice";
      params: { name: string; text: string; link: string; settingsLink: string };
    }
  | {
      template: "learning-nudge";
      params: {
        name: string;
        count: number;
        minutes: number;
        list: string;
        link: string;
        settingsLink: string;
      };
    };

/** Renders an email in the recipient's language. Pure: the same input gives the same text. */
export function renderEmail(locale: Locale, email: EmailTemplate): { subject: string; text: string } {
  const t = translator(locale);
  const key = {
    invitation: "emails.invitation",
    "password-reset": "emails.passwordReset",
    "sign-in-link": "emails.signInLink",
    "culture-scan-invitation": "emails.scanInvitation",
    "culture-scan-reminder": "emails.scanReminder",
    "learning-nudge": "emails.learningNudge",
    "application-logged": "emails.applicationLogged",
    "manager-digest": "emails.digest",
    "feedback-requested": "emails.feedbackRequested",
    "cohort-dates-changed": "emails.cohortDatesChanged",
    notice: "emails.notice",
  }[email.template];
  return {
    subject: t(`${key}.subject`, email.params),
    text: `${t(`${key}.body`, email.params)}\n\n-- \n${t("emails.footer")}\n`,
  };
}
