import QRCode from "qrcode";
import { intlLocale, type Locale } from "../../../common/locales.ts";
import { BOLD, createPdf, REGULAR } from "../../files/pdf.ts";
import { translator } from "../../i18n.ts";

export interface CardContent {
  name: string;
  organisationName: string;
  link: string;
  printedAt: Date;
  expiresAt: Date | null;
  locale: Locale;
}

const longDate = (date: Date, locale: Locale) =>
  new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "long", year: "numeric" }).format(
    date,
  );

/**
 * The printed sign-in card: a card-sized frame at the top of an A4 page (cut out along the dashes), with the QR code, the person's name and organisation, and how to keep it. The link itself is
 * not printed as text: typing a 43-character token is no use, and a photocopy of the text is as good
 * as the card. Error correction level M survives a scuffed card in a van.
 */
export async function renderSignInCard(card: CardContent): Promise<Buffer> {
  const t = translator(card.locale);
  const title = t("ui.signInCard.pdfTitle", { name: card.name });
  const { doc, as, decoration, finish } = createPdf({ title, locale: card.locale });
  const qr = await QRCode.toBuffer(card.link, { errorCorrectionLevel: "M", margin: 2, width: 480 });
  const left = 48;
  const top = 48;
  const width = 330;
  doc
    .font(BOLD)
    .fontSize(15)
    .text(title, left + 20, top + 20, { ...as("H1"), width: width - 40 });
  doc
    .font(REGULAR)
    .fontSize(11)
    .text(card.organisationName, { ...as("P"), width: width - 40 });
  doc.moveDown(0.5);
  doc.text(t("ui.signInCard.pdfScan"), { ...as("P"), width: width - 40 });
  decoration();
  // Tappable too, for a card sent as a file to the person's own phone.
  const qrLeft = left + (width - 200) / 2;
  doc.image(qr, qrLeft, doc.y + 10, { width: 200, height: 200 });
  doc.link(qrLeft, doc.y + 10, 200, 200, card.link);
  doc.endMarkedContent();
  doc.y += 220;
  doc.fontSize(9).text(t("ui.signInCard.pdfKeep"), left + 20, doc.y, { ...as("P"), width: width - 40 });
  doc.moveDown(0.5);
  const validity = card.expiresAt
    ? t("ui.signInCard.pdfExpires", { date: longDate(card.expiresAt, card.locale) })
    : t("ui.signInCard.pdfNoExpiry");
  doc.text(
    `${t("ui.signInCard.pdfPrinted", { date: longDate(card.printedAt, card.locale) })} · ${validity}`,
    {
      ...as("P"),
      width: width - 40,
    },
  );
  // The cutting line, around what was written.
  decoration();
  doc.save().lineWidth(1).dash(4, { space: 4 });
  doc
    .rect(left, top, width, doc.y - top + 20)
    .stroke()
    .undash()
    .restore();
  doc.endMarkedContent();
  return finish();
}
