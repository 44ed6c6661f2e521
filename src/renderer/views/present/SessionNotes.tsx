/** The facilitator's note for a slide, kept with the session (the report prints it). */
import { useEffect, useRef, useState } from 'react';
import styles from './PresenterView.module.css';

export function SessionNotes({ slideId, saved, onSave }: { slideId: string; saved: string; onSave: (text: string) => void }) {
  const [text, setText] = useState(saved);
  const dirty = useRef(false);
  useEffect(() => {
    if (!dirty.current) setText(saved);
  }, [saved, slideId]);
  useEffect(() => {
    dirty.current = false;
    setText(saved);
    // Only when the slide changes: the text follows the slide.
  }, [slideId]);
  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => {
      dirty.current = false;
      onSave(text);
    }, 500);
    return () => clearTimeout(timer);
  }, [text, onSave]);
  return (
    <label>
      <span className="visually-hidden">Your notes for this slide</span>
      <textarea
        className={styles.textarea}
        value={text}
        placeholder="What the room said; it goes into the report."
        onChange={(e) => {
          dirty.current = true;
          setText(e.target.value);
        }}
        onBlur={() => {
          if (dirty.current) {
            dirty.current = false;
            onSave(text);
          }
        }}
      />
    </label>
  );
}
