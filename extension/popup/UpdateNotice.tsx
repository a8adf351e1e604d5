import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { compareVersions } from '../../shared/settings';
import { DEFAULT_UPDATE_INSTRUCTIONS, type UpdateRequired, updateRequiredItem } from '../lib/update-required';
import { usePopup } from './state';

/**
 * "Update Curbside": the organisation's server refused this version (426). Nothing is lost: what
 * waits to send stays on this device and goes once Curbside is updated. Gone by itself once the
 * running version is new enough, or a send gets through again (lib/outbox.ts clears it).
 */
export function UpdateNotice() {
  const app = usePopup();
  const [notice, setNotice] = useState<UpdateRequired | null>(null);
  useEffect(() => {
    void updateRequiredItem.getValue().then(setNotice);
    return updateRequiredItem.watch(setNotice);
  }, []);
  const running = browser.runtime.getManifest().version;
  if (!notice || (notice.minimumVersion && compareVersions(running, notice.minimumVersion) >= 0)) return null;
  const waiting = app.waiting.value.length;
  return (
    <section class="notice update-notice" aria-labelledby="update-heading">
      <h2 id="update-heading">Update Curbside</h2>
      <p>
        Your organisation needs Curbside {notice.minimumVersion ? `${notice.minimumVersion} or later` : 'to be updated'}
        ; this is {running}.
      </p>
      <p>{notice.instructions ?? DEFAULT_UPDATE_INSTRUCTIONS}</p>
      {waiting > 0 && (
        <p>
          {waiting === 1 ? 'One item waits' : `${waiting} items wait`} safely on this device and will be sent once
          Curbside is updated.
        </p>
      )}
    </section>
  );
}
