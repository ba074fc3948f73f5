package io.genscope.runtime.jmx;

import io.genscope.runtime.jmx.ItemDescriptions.Columns;

import javax.management.Descriptor;
import javax.management.ImmutableDescriptor;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;
import java.util.Locale;
import java.util.Map;

/**
 * Open types whose items and table columns carry {@link ItemDescriptions}, and values rebuilt on
 * them.
 *
 * <p>Why: the MXBean framework builds a {@code CompositeType} whose item descriptions are the
 * item names again, so JConsole, VisualVM and Mission Control had nothing to say about
 * {@code generationSuccessRate} beyond its name. A described type equals the framework's (
 * {@code CompositeType.equals} and {@code TabularType.equals} ignore descriptions), so it can take
 * its place both in the MBean info, where tools read an attribute's or operation's
 * {@code openType}, and in the values read, whose {@code getCompositeType()} clients that browse a
 * composite read; a value checked against the declared type still passes.
 *
 * <p>Stateless and thread-safe.
 */
final class DescribedOpenTypes {

    private DescribedOpenTypes() {
    }

    /**
     * {@code type} with descriptions for its items and columns, or {@code type} itself when it has
     * none (simple and array types).
     *
     * @param holder the attribute, item or operation whose type it is: a table's columns are
     *               described by what holds the table
     */
    static OpenType<?> describe(String holder, OpenType<?> type) throws OpenDataException {
        if (type instanceof CompositeType composite) {
            return describe(composite, ItemDescriptions.COMPOSITES.getOrDefault(composite.getTypeName(), Map.of()));
        }
        if (type instanceof TabularType table) {
            Columns columns = ItemDescriptions.TABLES.get(decapitalized(holder));
            Map<String, String> items = columns == null ? Map.of() : Map.of("key", columns.key(), "value", columns.value());
            return new TabularType(table.getTypeName(), table.getDescription(), describe(table.getRowType(), items),
                    table.getIndexNames().toArray(String[]::new));
        }
        return type;
    }

    private static CompositeType describe(CompositeType type, Map<String, String> descriptions) throws OpenDataException {
        String[] names = type.keySet().toArray(String[]::new);
        String[] texts = new String[names.length];
        OpenType<?>[] types = new OpenType<?>[names.length];
        for (int i = 0; i < names.length; i++) {
            texts[i] = descriptions.getOrDefault(names[i], type.getDescription(names[i]));
            types[i] = describe(names[i], type.getType(names[i]));
        }
        return new CompositeType(type.getTypeName(), type.getDescription(), names, texts, types);
    }

    /** {@code value} rebuilt on {@code type} (a described one) when it is composite or tabular; as it is otherwise. */
    static Object rebuild(Object value, OpenType<?> type) throws OpenDataException {
        if (type instanceof CompositeType composite && value instanceof CompositeData data) {
            String[] names = composite.keySet().toArray(String[]::new);
            Object[] items = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                items[i] = rebuild(data.get(names[i]), composite.getType(names[i]));
            }
            return new CompositeDataSupport(composite, names, items);
        }
        if (type instanceof TabularType table && value instanceof TabularData data) {
            TabularDataSupport rows = new TabularDataSupport(table, Math.max(16, data.size() * 2), 0.75f);
            for (Object row : data.values()) {
                rows.put((CompositeData) rebuild(row, table.getRowType()));
            }
            return rows;
        }
        return value;
    }

    /** {@code descriptor} with {@code openType} in place of its own. */
    static Descriptor withOpenType(Descriptor descriptor, OpenType<?> openType) {
        String[] names = descriptor.getFieldNames();
        Object[] values = descriptor.getFieldValues(names);
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase("openType")) {
                values[i] = openType;
            }
        }
        return new ImmutableDescriptor(names, values);
    }

    private static String decapitalized(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
