/**
 * View › Interface language: the Settings choice of the language of menus, panels and messages,
 * remembered in localStorage (src/renderer/i18n). The document's language is not touched.
 */
import { UI_LANGS, UI_LANG_NAMES, isUiLang } from '../../shared/i18n/index.js';
import { chooseUiLang, forcedUiLang, uiLang, useTranslation } from '../i18n/index.js';
import { Modal } from './Dialogs.js';

/** The dialog; `onChosen` gets the chosen language's own name once it is applied. */
export function InterfaceLanguageDialog({ onClose, onChosen }: { onClose: () => void; onChosen: (name: string) => void }) {
  const { t } = useTranslation();
  const current = uiLang();
  const forced = forcedUiLang();
  return (
    <Modal title={t('settings.title')} onClose={onClose}>
      <div className="field">
        <label htmlFor="ui-lang">{t('settings.language')}</label>
        <select
          id="ui-lang"
          data-testid="ui-lang"
          value={current}
          onChange={(e) => {
            const v = e.target.value;
            if (!isUiLang(v)) return;
            chooseUiLang(v);
            onChosen(UI_LANG_NAMES[v]);
          }}
        >
          {UI_LANGS.map((l) => (
            <option key={l} value={l} lang={l}>
              {UI_LANG_NAMES[l]}
            </option>
          ))}
        </select>
        <div className="field-hint">{t('settings.languageHint')}</div>
        {forced ? <div className="field-hint">{t('settings.forced', { lang: forced })}</div> : null}
      </div>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}
