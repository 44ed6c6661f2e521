/**
 * The facilitator token in a browser: given once as `?token=`, then kept for the
 * tab (sessionStorage) and taken out of the address bar, so it is not shared by
 * a screenshot or a copied link.
 */
const KEY = 'plenary.token';

export function takeTokenFromUrl(location: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage.setItem(KEY, fromUrl);
    params.delete('token');
    const search = params.toString();
    window.history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
    return fromUrl;
  }
  return storage.getItem(KEY);
}
