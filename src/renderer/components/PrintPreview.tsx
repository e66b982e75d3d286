/**
 * Print preview: the document as it will be exported (the same HTML that is printed to PDF),
 * with the paper size, and buttons to export or print.
 */
import { useMemo, useRef, useState } from 'react';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import { exportHtml } from '../../shared/export/html.js';
import { Modal } from './Dialogs.js';

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
  const [paper, setPaper] = useState<'letter' | 'a4'>('letter');
  const html = useMemo(() => exportHtml(doc, { paper }), [doc, paper]);
  const frame = useRef<HTMLIFrameElement>(null);
  const pending = useRef(Boolean(printNow));
  // The frame holds exactly the exported HTML, so what prints is what is exported to PDF.
  const print = () => frame.current?.contentWindow?.print();
  return (
    <Modal title="Print preview" onClose={onClose} wide>
      <div className="preview-bar">
        <label>
          Paper{' '}
          <select aria-label="Paper" value={paper} onChange={(e) => setPaper(e.target.value as 'letter' | 'a4')}>
            <option value="letter">US Letter (New York)</option>
            <option value="a4">A4 (Geneva)</option>
          </select>
        </label>
        <span className="spacer" />
        <button type="button" onClick={print}>
          Print…
        </button>
        <button type="button" onClick={() => onExport('docx', paper)}>
          Export Word…
        </button>
        <button type="button" className="primary" onClick={() => onExport('pdf', paper)}>
          Export PDF…
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
        title="Print preview" sandbox="allow-same-origin allow-modals" srcDoc={html} />
    </Modal>
  );
}
