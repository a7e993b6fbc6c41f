// A member's picture, or their initial when there is none (or it fails to load).
import { useEffect, useState } from 'preact/hooks';

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function Avatar({ url, name, size = 'medium', label }: { url: string | null; name: string; size?: 'medium' | 'large'; label?: string }) {
  const [isBroken, setBroken] = useState(false);
  useEffect(() => setBroken(false), [url]);
  const alt = label ?? `${name}'s avatar`;
  if (url && isWebUrl(url) && !isBroken) {
    return <img class={`avatar avatar-${size}`} src={url} alt={alt} referrerpolicy="no-referrer" onError={() => setBroken(true)} />;
  }
  return (
    <span class={`avatar avatar-${size} avatar-initial`} role="img" aria-label={alt}>
      {(name.trim()[0] ?? '?').toUpperCase()}
    </span>
  );
}
