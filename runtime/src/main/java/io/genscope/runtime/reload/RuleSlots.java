package io.genscope.runtime.reload;

import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.rule.RuleDefinition;
import io.genscope.runtime.store.TelemetryStore;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The rules the store counts, each in a slot it keeps for the JVM's life: the index the store,
 * the analytics and the MBeans know the rule by. A reload keeps the slot of a rule it keeps or
 * changes, retires the slot of a rule it removes (its figures stay until they age out of the
 * window, its counters since start stay for good) and gives a removed rule that comes back by
 * name its old slot; new names take new slots. The store is made with {@link #capacity()}
 * slots, so no per-rule structure of the store ever grows while threads record into it.
 *
 * <p>As a {@code List}, slot {@code i}'s current diagnostics, retired slots included: a slot's
 * role never changes (a reload that would change a rule's role is refused).
 *
 * <p>Thread-safe: the table is copy-on-write behind a volatile field; changes are serialized by
 * this object's lock.
 */
public final class RuleSlots extends AbstractList<RuleDiagnostics> {

    /** Rule names reloads may add beyond those at start, over the JVM's life. */
    public static final int SPARE = TelemetryStore.SPARE_RULE_SLOTS;

    /**
     * One slot.
     *
     * @param diagnostics the rule now in the slot (or last, when retired)
     * @param advice      the index its woven advice passes for the rule's full captures
     * @param active      whether the config in use has the rule
     */
    private record Slot(RuleDiagnostics diagnostics, int advice, boolean active) {
    }

    private final int capacity;
    private volatile Slot[] slots;

    /** The rules at start, each in the slot of its position, its advice index the same. */
    public RuleSlots(List<RuleDefinition> rules) {
        this.capacity = rules.size() + SPARE;
        this.slots = new Slot[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            slots[i] = new Slot(new RuleDiagnostics(rules.get(i)), i, true);
        }
    }

    /** How many slots the store has: the rules at start plus {@link #SPARE}. */
    public int capacity() {
        return capacity;
    }

    @Override
    public RuleDiagnostics get(int slot) {
        return slots[slot].diagnostics();
    }

    /** Slots taken so far, retired ones included. */
    @Override
    public int size() {
        return slots.length;
    }

    /** Whether the config in use has the rule of {@code slot}. */
    public boolean active(int slot) {
        return slots[slot].active();
    }

    /** The advice index of the rule in {@code slot}, for its full captures. */
    public int advice(int slot) {
        return slots[slot].advice();
    }

    /** The slot of the rule named {@code name}, active or retired; empty for a name never seen. */
    public OptionalInt slotOf(String name) {
        Slot[] table = slots;
        for (int i = 0; i < table.length; i++) {
            if (table[i].diagnostics().rule().name().equals(name)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Puts {@code rule} in its slot (the one of its name, or a new one) with advice index
     * {@code advice}, active.
     *
     * @return the slot
     * @throws IllegalStateException when the rule needs a new slot and none is left
     */
    public synchronized int put(RuleDiagnostics rule, int advice) {
        OptionalInt existing = slotOf(rule.rule().name());
        Slot[] table = slots;
        int slot = existing.orElse(table.length);
        if (slot >= capacity) {
            throw new IllegalStateException("no rule slot left");
        }
        Slot[] changed = Arrays.copyOf(table, Math.max(table.length, slot + 1));
        changed[slot] = new Slot(rule, advice, true);
        slots = changed;
        return slot;
    }

    /** Retires every slot whose rule is not named in {@code kept}. */
    public synchronized void retainOnly(Set<String> kept) {
        Slot[] changed = slots.clone();
        for (int i = 0; i < changed.length; i++) {
            Slot slot = changed[i];
            if (slot.active() && !kept.contains(slot.diagnostics().rule().name())) {
                changed[i] = new Slot(slot.diagnostics(), slot.advice(), false);
            }
        }
        slots = changed;
    }
}
