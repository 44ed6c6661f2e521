/** A group's name with its colour dot. */
import type { Group } from '../../../../shared/model';
import shared from './reportShared.module.css';

export function GroupName({ group }: { group: Pick<Group, 'name' | 'color'> }) {
  return (
    <span className={shared.groupName}>
      <span className={shared.dot} style={{ background: group.color }} aria-hidden="true" />
      {group.name}
    </span>
  );
}
