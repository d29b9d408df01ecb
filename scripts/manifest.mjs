/**
 * One source manifest (manifest.json) for both browsers; each build target gets the keys it understands.
 * Chrome: background.service_worker and minimum_chrome_version, no browser_specific_settings. Firefox:
 * background.scripts and the gecko settings (id, strict_min_version, data_collection_permissions), and no
 * use_dynamic_url in web_accessible_resources.
 */
export const TARGETS = ['chrome', 'firefox'];

export function manifestFor(source, target, version) {
  if (!TARGETS.includes(target)) throw new Error(`unknown target "${target}" (expected ${TARGETS.join(' or ')})`);
  const manifest = structuredClone(source);
  manifest.version = version;
  const { service_worker: worker, scripts, ...rest } = manifest.background ?? {};
  if (!worker || !scripts) throw new Error('manifest.json: background needs both "service_worker" and "scripts"');
  if (target === 'chrome') {
    manifest.background = { service_worker: worker, ...rest };
    delete manifest.browser_specific_settings;
  } else {
    manifest.background = { scripts, ...rest };
    delete manifest.minimum_chrome_version;
    // Chrome's per-session address for a web-accessible file; Firefox's addresses already carry a random id of
    // each install, and it does not know the key.
    for (const entry of manifest.web_accessible_resources ?? []) delete entry.use_dynamic_url;
    const gecko = manifest.browser_specific_settings?.gecko;
    if (!gecko?.id) throw new Error('manifest.json: browser_specific_settings.gecko.id is required for Firefox');
  }
  return manifest;
}
