/**
 * Print preview: the document as it will be exported (the same HTML that is printed to PDF),
 * with the paper size, and buttons to export or print.
 */
import { useMemo, useRef, useState } from 'react';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import { exportHtml } from '../../shared/export/html.js';
import { Modal } from './Dialogs.js';
import { useTranslation } from '../i18n/index.js';

/** Props of the preview. */
export interface PrintPreviewProps {
  document: ResolutionDocument;
  onExport: (format: 'pdf' | 'docx', paper: 'letter' | 'a4') => void;
  onClose: () => void;
  /** Opens the print dialog as soon as the preview has loaded (File › Print, Ctrl+P). */
  printNow?: boolean;
}

/** The preview dialog. */
export function PrintPreview({ document: doc, onExport, onClose, printNow }: PrintPreviewProps) {
  const { t } = useTranslation();
  const [paper, setPaper] = useState<'letter' | 'a4'>('letter');
  const html = useMemo(() => exportHtml(doc, { paper }), [doc, paper]);
  const frame = useRef<HTMLIFrameElement>(null);
  const pending = useRef(Boolean(printNow));
  // The frame holds exactly the exported HTML, so what prints is what is exported to PDF.
  const print = () => frame.current?.contentWindow?.print();
  return (
    <Modal title={t('preview.title')} onClose={onClose} wide>
      <div className="preview-bar">
        <label>
          {t('preview.paper')}{' '}
          <select aria-label={t('preview.paper')} value={paper} onChange={(e) => setPaper(e.target.value as 'letter' | 'a4')}>
            <option value="letter">{t('preview.letter')}</option>
            <option value="a4">{t('preview.a4')}</option>
          </select>
        </label>
        <span className="spacer" />
        <button type="button" onClick={print}>
          {t('preview.print')}
        </button>
        <button type="button" onClick={() => onExport('docx', paper)}>
          {t('preview.exportWord')}
        </button>
        <button type="button" className="primary" onClick={() => onExport('pdf', paper)}>
          {t('preview.exportPdf')}
        </button>
      </div>
      <iframe
        ref={frame}
        onLoad={() => {
          if (!pending.current) return;
          pending.current = false;
          print();
        }}
        className="preview-frame"
        title={t('preview.title')} sandbox="allow-same-origin allow-modals" srcDoc={html} />
    </Modal>
  );
}
