/**
 * A slide's picture in the editor: chosen from disk or dropped on the field,
 * checked on the host (its type told by its bytes, SVGs without scripts, at most
 * 5 MB), previewed, with its alt text required; replaced or removed in one click.
 */
import { useRef, useState, type DragEvent } from 'react';
import { PICTURE_MAX_BYTES } from '../../../shared/limits';
import type { Picture } from '../../../shared/model';
import { useOptionalApi } from '../../app/ApiContext';
import { Button } from '../../components/Button';
import { SlidePicture } from '../../components/slide/SlidePicture';
import { FieldErrors, TextField } from './Fields';
import styles from './PictureField.module.css';

interface PictureFieldProps {
  /** The DOM id stem of the field (its alt text input is `<id>-alt`). */
  id: string;
  picture: Picture | undefined;
  /** Problems of the picture as a whole (not in the data folder) and of its alt text. */
  errors: readonly string[] | undefined;
  altErrors: readonly string[] | undefined;
  onChange: (picture: Picture | undefined, field: string) => void;
  readOnly?: boolean | undefined;
}

const ACCEPT = 'image/png,image/jpeg,image/svg+xml,image/webp,.png,.jpg,.jpeg,.svg,.webp';
const MAX_MB = PICTURE_MAX_BYTES / 1024 / 1024;

/** A file's bytes as base64, without the `data:...;base64,` prefix. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`“${file.name}” could not be read.`));
    reader.readAsDataURL(file);
  });
}

export function PictureField({ id, picture, errors, altErrors, onChange, readOnly }: PictureFieldProps) {
  const api = useOptionalApi();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dropping, setDropping] = useState(false);

  const add = async (file: File) => {
    setProblem(null);
    if (file.size > PICTURE_MAX_BYTES) {
      setProblem(`“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; a picture can be at most ${MAX_MB} MB. Make it smaller and try again.`);
      return;
    }
    if (!api) return;
    setBusy(true);
    try {
      const added = await api.call('assets.add', { dataBase64: await readAsBase64(file), fileName: file.name.slice(0, 260) });
      // A replaced picture keeps its alt text: the facilitator then checks it still says what is shown.
      onChange({ asset: added.asset, mediaType: added.mediaType, alt: picture?.alt ?? '' }, 'picture');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDropping(false);
    if (readOnly) return;
    const file = event.dataTransfer.files[0];
    if (file) void add(file);
  };

  return (
    <div
      className={`${styles.field} ${dropping ? styles.dropping : ''}`}
      onDragOver={(event) => {
        if (readOnly || !event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
      data-testid="picture-field"
    >
      <input
        ref={input}
        id={`${id}-file`}
        type="file"
        accept={ACCEPT}
        className="visually-hidden"
        aria-label="Picture file"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void add(file);
        }}
      />
      {picture ? (
        <div className={styles.chosen}>
          <div className={styles.preview}>
            <SlidePicture picture={picture} />
          </div>
          <div className={styles.details}>
            <TextField
              id={`${id}-alt`}
              label="Alt text (required)"
              hint="Say in a few words what the picture shows, for anyone who cannot see the screen."
              value={picture.alt}
              errors={altErrors}
              onChange={(alt) => onChange({ ...picture, alt }, 'picture.alt')}
            />
            <div className={styles.actions}>
              <Button type="button" size="small" onClick={() => input.current?.click()} disabled={busy || readOnly}>
                Replace picture…
              </Button>
              <Button type="button" size="small" intent="danger" onClick={() => onChange(undefined, 'picture')} disabled={busy || readOnly}>
                Remove picture
              </Button>
            </div>
          </div>
        </div>
      ) : (
        <div className={styles.empty}>
          <Button type="button" onClick={() => input.current?.click()} disabled={busy || readOnly || !api}>
            Choose a picture…
          </Button>
          <p id={`${id}-hint`} className={styles.hint}>
            or drop one here. PNG, JPEG, SVG or WebP, at most {MAX_MB} MB. It shows beside the slide’s text.
          </p>
        </div>
      )}
      {busy && (
        <p className={styles.hint} role="status">
          Adding the picture…
        </p>
      )}
      {problem && (
        <p className={styles.problem} role="alert">
          {problem}
        </p>
      )}
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}
