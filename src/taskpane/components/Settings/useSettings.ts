// The settings as the pane holds them: loaded from the workbook on start, saved to it on every change, with
// the two percent fields kept as typed so an invalid entry can be shown and corrected.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Basis, Lang, NumberStyle } from '../../../core/model';
import { DEFAULT_SETTINGS, type Settings, type WorkbookHost } from '../../../gateways/host';
import { mergeSettings, parsePercent, percentText, withPercent, type PercentKey } from './settingsForm';

export interface SettingsForm {
  /** The settings a run uses: the last valid value of every field. */
  settings: Settings;
  /** The percent fields as typed. */
  drafts: Record<PercentKey, string>;
  invalid: Record<PercentKey, boolean>;
  valid: boolean;
  /** The stored settings have arrived (or could not be read and the defaults stand). */
  loaded: boolean;
  saveFailed: boolean;
  setPercent(key: PercentKey, text: string): void;
  setBasis(basis: Basis): void;
  setLang(lang: Lang): void;
  setStyle(style: NumberStyle): void;
}

const draftsOf = (settings: Settings): Record<PercentKey, string> => ({
  target: percentText(settings.target),
  explainBelow: percentText(settings.explainBelow),
});

export function useSettings(host: WorkbookHost): SettingsForm {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [drafts, setDrafts] = useState(() => draftsOf(DEFAULT_SETTINGS));
  const [saveFailed, setSaveFailed] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const latest = useRef(settings);
  // Once the clerk has changed something, a late answer from loadSettings must not overwrite it.
  const touched = useRef(false);

  useEffect(() => {
    let live = true;
    host.loadSettings().then(
      (stored) => {
        if (!live) return;
        setLoaded(true);
        if (touched.current) return;
        const merged = mergeSettings(stored);
        latest.current = merged;
        setSettings(merged);
        setDrafts(draftsOf(merged));
      },
      () => {
        if (live) setLoaded(true); // nothing stored or not readable: the defaults stand
      },
    );
    return () => {
      live = false;
    };
  }, [host]);

  const commit = useCallback(
    (next: Settings) => {
      touched.current = true;
      latest.current = next;
      setSettings(next);
      host.saveSettings(next).then(
        () => setSaveFailed(false),
        () => setSaveFailed(true),
      );
    },
    [host],
  );

  const setPercent = useCallback(
    (key: PercentKey, text: string) => {
      touched.current = true;
      setDrafts((d) => ({ ...d, [key]: text }));
      const parsed = parsePercent(text);
      if (parsed.ok && parsed.value !== latest.current[key]) commit(withPercent(latest.current, key, parsed.value));
    },
    [commit],
  );

  const invalid = { target: !parsePercent(drafts.target).ok, explainBelow: !parsePercent(drafts.explainBelow).ok };
  return {
    settings,
    drafts,
    invalid,
    valid: !invalid.target && !invalid.explainBelow,
    loaded,
    saveFailed,
    setPercent,
    setBasis: useCallback((basis: Basis) => commit({ ...latest.current, basis }), [commit]),
    setLang: useCallback((lang: Lang) => commit({ ...latest.current, lang }), [commit]),
    setStyle: useCallback((style: NumberStyle) => commit({ ...latest.current, style }), [commit]),
  };
}
