/**
 * A slide's picture, fitted inside its column and never beyond it. Shown with
 * <img> only (an SVG in an <img> runs nothing); where it cannot load, its alt
 * text stands in its place, so the slide still says what it would have shown.
 */
import { useState } from 'react';
import type { Picture } from '../../../shared/model';
import { usePictureUrl } from '../../app/ApiContext';
import styles from './SlidePicture.module.css';

interface SlidePictureProps {
  picture: Picture;
  /** A class for the box (the report sizes it for paper). */
  className?: string;
}

export function SlidePicture({ picture, className }: SlidePictureProps) {
  const url = usePictureUrl(picture.asset);
  const [failed, setFailed] = useState<string | null>(null);
  const broken = !url || failed === url;
  return (
    <figure className={`${styles.picture} ${className ?? ''}`} data-picture={picture.asset}>
      {broken ? (
        <span className={styles.missing} role="img" aria-label={picture.alt}>
          {picture.alt}
        </span>
      ) : (
        <img className={styles.image} src={url} alt={picture.alt} decoding="async" onError={() => setFailed(url)} />
      )}
    </figure>
  );
}
