// The run's settings, folded away under a heading button (a disclosure: aria-expanded / aria-controls). The
// panel is hidden, not unmounted, so a half-typed value survives folding.
import { Button, Field, Input, makeStyles, Radio, RadioGroup, Select, tokens, useId } from '@fluentui/react-components';
import type { Basis, Lang, NumberStyle } from '../../../core/model';
import { DEFAULT_CONFIG } from '../../../core/config';
import { BASES, explainBelowInEffect, LANGS, STYLES } from '../../../core/settings';
import { formatRate } from '../../../core/numbers';
import { useStrings } from '../../i18n';
import type { SettingsForm } from './useSettings';

const useStyles = makeStyles({
  heading: { margin: 0 },
  toggle: { justifyContent: 'flex-start', paddingLeft: 0, minWidth: 0, maxWidth: '100%', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  // `hidden` alone loses to a class's `display: flex`.
  closed: { display: 'none' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
  // A native select is as wide as its longest option unless told otherwise.
  select: { width: '100%', maxWidth: '100%', minWidth: 0 },
  saveFailed: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface SettingsProps {
  form: SettingsForm;
  open: boolean;
  onToggle(): void;
}

export function Settings({ form, open, onToggle }: SettingsProps) {
  const strings = useStrings();
  const styles = useStyles();
  const panelId = useId('settings-panel');
  const { settings, drafts, invalid } = form;
  const { target: defaultTarget, explainBelow: defaultExplainBelow } = DEFAULT_CONFIG.thresholds;
  // Both set here and explain-below above the target: the run takes the target for it (the core rule), said here
  // too. With one of them from the workbook, the run's finding says it.
  const lowered = settings.target !== undefined && settings.explainBelow !== undefined && explainBelowInEffect(settings.target, settings.explainBelow).lowered;

  return (
    <section aria-label={strings.settings}>
      <h2 className={styles.heading}>
        <Button appearance="transparent" className={styles.toggle} aria-expanded={open} aria-controls={panelId} onClick={onToggle}>
          <span aria-hidden="true">{open ? '▾\u00a0' : '▸\u00a0'}</span>
          {strings.settings}
        </Button>
      </h2>
      <div id={panelId} className={open ? styles.panel : styles.closed} hidden={!open}>
        <Field
          label={strings.target}
          hint={strings.targetHint(formatRate(defaultTarget, 'trim'))}
          validationState={invalid.target ? 'error' : 'none'}
          validationMessage={invalid.target ? strings.percentInvalid : undefined}
        >
          <Input inputMode="decimal" value={drafts.target} onChange={(_, data) => form.setPercent('target', data.value)} />
        </Field>
        <Field
          label={strings.explainBelow}
          hint={strings.explainBelowHint(formatRate(defaultExplainBelow, 'trim'))}
          validationState={invalid.explainBelow ? 'error' : lowered ? 'warning' : 'none'}
          validationMessage={invalid.explainBelow ? strings.percentInvalid : lowered ? strings.explainAboveTarget(formatRate(settings.target ?? defaultTarget, 'trim')) : undefined}
        >
          <Input inputMode="decimal" value={drafts.explainBelow} onChange={(_, data) => form.setPercent('explainBelow', data.value)} />
        </Field>
        <Field label={strings.basis}>
          <Select className={styles.select} select={{ className: styles.select }} value={settings.basis} onChange={(_, data) => form.setBasis(data.value as Basis)}>
            {BASES.map((basis) => (
              <option key={basis} value={basis}>
                {strings.basisOptions[basis]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={strings.reportLang}>
          <RadioGroup value={settings.lang} onChange={(_, data) => form.setLang(data.value as Lang)}>
            {LANGS.map((lang) => (
              <Radio key={lang} value={lang} label={strings.reportLangOptions[lang]} />
            ))}
          </RadioGroup>
        </Field>
        <Field label={strings.numberStyle}>
          <RadioGroup value={settings.style} onChange={(_, data) => form.setStyle(data.value as NumberStyle)}>
            {STYLES.map((style) => (
              <Radio key={style} value={style} label={strings.numberStyleOptions[style]} />
            ))}
          </RadioGroup>
        </Field>
        {form.saveFailed && (
          <p role="status" className={styles.saveFailed}>
            {strings.settingsSaveFailed}
          </p>
        )}
      </div>
    </section>
  );
}
