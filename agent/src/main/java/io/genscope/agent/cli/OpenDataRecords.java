package io.genscope.agent.cli;

import javax.management.JMException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A runtime record back from the open data an MXBean made of it: each component from the item of
 * the same name, a nested record from its composite, a {@code Map} from its table (in the
 * server's order), an enum from its name. So the command line prints a remote JVM's figures with
 * the runtime's own formatters, which cannot drift from what {@code report-on-exit} prints.
 */
final class OpenDataRecords {

    private OpenDataRecords() {
    }

    /**
     * @throws JMException when the items do not match the record: the remote agent is another
     *                     version
     */
    static <R extends Record> R read(Class<R> type, Object openData) throws JMException {
        CompositeData data = (CompositeData) openData;
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = value(components[i].getGenericType(), data.get(components[i].getName()));
            }
            return construct(type, values);
        } catch (ReflectiveOperationException | IllegalArgumentException | ClassCastException e) {
            throw new JMException("the items of " + data.getCompositeType().getTypeName()
                    + " do not match this Genscope version's " + type.getSimpleName() + ": " + e);
        }
    }

    /** The record of {@code type} made of {@code values}, one per component in order. */
    static <R extends Record> R construct(Class<R> type, Object[] values) throws ReflectiveOperationException {
        Constructor<R> canonical = type.getDeclaredConstructor(
                Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return canonical.newInstance(values);
    }

    /** The rows of an open-data table, key to value, in the server's order (most frequent first). */
    static Map<String, Object> rows(TabularData table) {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (Object row : table.values()) {
            CompositeData entry = (CompositeData) row;
            rows.put((String) entry.get("key"), entry.get("value"));
        }
        return rows;
    }

    /** A map of string to record back from its table, in the server's order. */
    @SuppressWarnings("unchecked")
    static <V extends Record> Map<String, V> map(Class<V> valueType, Object table) throws JMException {
        Map<String, V> entries = new LinkedHashMap<>();
        for (Object row : ((TabularData) table).values()) {
            CompositeData entry = (CompositeData) row;
            entries.put((String) entry.get("key"), (V) value(valueType, entry.get("value")));
        }
        return entries;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(Type type, Object item) throws JMException {
        if (type instanceof Class<?> plain && plain.isRecord()) {
            return read((Class<? extends Record>) plain, item);
        }
        if (type instanceof Class<?> plain && plain.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) plain, (String) item);
        }
        if (type instanceof ParameterizedType map && map.getRawType() == Map.class) {
            Type valueType = map.getActualTypeArguments()[1];
            Map<Object, Object> entries = new LinkedHashMap<>();
            for (Object row : ((TabularData) item).values()) {
                CompositeData entry = (CompositeData) row;
                entries.put(entry.get("key"), value(valueType, entry.get("value")));
            }
            return entries;
        }
        return item;
    }
}
