/** The app's button: one look, three intents. */
import type { ButtonHTMLAttributes } from 'react';
import styles from './Button.module.css';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  intent?: 'default' | 'primary' | 'danger';
  size?: 'normal' | 'small';
}

export function Button({ intent = 'default', size = 'normal', className, type = 'button', ...rest }: ButtonProps) {
  const classes = [styles.button, intent !== 'default' ? styles[intent] : '', size === 'small' ? styles.small : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return <button type={type} className={classes} {...rest} />;
}
