/** The "?" overlay: every key, in a dialog that Esc closes. */
import { Dialog } from '../Dialog';
import { Button } from '../Button';
import { KEY_HELP } from './keymap';

export function KeyHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" open={open} onClose={onClose} actions={<Button onClick={onClose}>Close</Button>}>
      <table>
        <tbody>
          {KEY_HELP.map(([keys, meaning]) => (
            <tr key={keys}>
              <th scope="row" style={{ textAlign: 'left', paddingRight: '1.5rem', whiteSpace: 'nowrap' }}>
                <kbd>{keys}</kbd>
              </th>
              <td>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
