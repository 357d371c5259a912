import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** A QR code as a PNG data URL drawn here in the browser (no network, works offline). */
export function QrImage({ url, alt, size = 220 }: { url: string; alt: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { width: size, margin: 1, errorCorrectionLevel: 'M' }).then((s) => live && setSrc(s), () => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [url, size]);
  return src ? <img src={src} alt={alt} width={size} height={size} /> : <div style={{ width: size, height: size }} aria-hidden="true" />;
}
