import type { ConclusionLinkResponse, ConsultationItem } from '../../../api/miniapp/contract';
import { downloadFile, request } from './api';
import { canTelegramDownload, telegramDownload } from './telegram';

type Conclusion = NonNullable<ConsultationItem['conclusion']>;

/**
 * Saves a conclusion's PDF. Where Telegram offers its download popup (Mini Apps 8.0) the file goes through it, so
 * the phone saves it where the patient finds their other downloads, whatever the WebView does with a blob link. Telegram fetches the address itself, without the init data
 * header, so it gets a signed link that works for a few minutes. Elsewhere the PDF is fetched here with the header
 * and handed to the WebView.
 */
export async function saveConclusion(conclusion: Conclusion, patientId: number): Promise<void> {
  if (!canTelegramDownload()) {
    await downloadFile(conclusion.pdfUrl, `conclusion-${conclusion.verificationCode}.pdf`);
    return;
  }
  const link = await request<ConclusionLinkResponse>(`/conclusions/${conclusion.id}/link`, { method: 'POST', query: { patientId } });
  await telegramDownload(link.url, link.fileName);
}
