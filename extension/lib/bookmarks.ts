import { bookmarkItem } from './storage';

/** Where the API client keeps the D1 bookmark it sends (lib/api.ts `bookmarks`). */
export interface BookmarkStore {
  read: () => Promise<string | null>;
  write: (bookmark: string) => Promise<void>;
}

/**
 * The bookmark every surface and the background share, for one API address. D1 bookmarks sort in time
 * order, so the newest is kept: an answer that arrives late never takes the browser back to an older
 * copy. Two surfaces writing at once can at worst keep the older of two fresh bookmarks.
 */
export function storedBookmarks(apiUrl: string): BookmarkStore {
  return {
    read: async () => {
      const stored = await bookmarkItem.getValue();
      return stored?.apiUrl === apiUrl ? stored.bookmark : null;
    },
    write: async (bookmark) => {
      const stored = await bookmarkItem.getValue();
      if (stored?.apiUrl === apiUrl && stored.bookmark >= bookmark) return;
      await bookmarkItem.setValue({ apiUrl, bookmark });
    },
  };
}
