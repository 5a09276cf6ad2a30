import type { SlotView } from '../../../api/miniapp/contract';
import { useI18n } from '../lib/i18n';

export interface SlotGroup {
  key: string;
  title: string;
  slots: SlotView[];
}

/** Groups of free times under one heading each (a doctor, a day): the tiles carry only the time, large. */
export function SlotGrid({ groups, timeZone, choose }: { groups: SlotGroup[]; timeZone: string; choose: (slot: SlotView) => void }) {
  const { time } = useI18n();
  return (
    <div className="slot-groups">
      {groups.map((g) => (
        <section key={g.key} className="slot-group">
          <h3 className="slot-group-title">{g.title}</h3>
          <div className="times">
            {g.slots.map((s) => (
              <button key={s.id} type="button" className="time" onClick={() => choose(s)}>
                <span className="time-value">{time(s.startsAt, timeZone)}</span>
              </button>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

/** Consecutive runs of slots sharing a key, in their order: one group per doctor, or per day. */
export function groupSlots(slots: SlotView[], keyOf: (s: SlotView) => string, titleOf: (s: SlotView) => string): SlotGroup[] {
  const groups: SlotGroup[] = [];
  for (const s of slots) {
    const key = keyOf(s);
    const group = groups.find((g) => g.key === key);
    if (group) group.slots.push(s);
    else groups.push({ key, title: titleOf(s), slots: [s] });
  }
  return groups;
}
