package io.genscope.agent.it;

import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads Genscope's tables as a JMX client without Genscope's classes would: generic open types
 * only. A {@code Map<String, X>} attribute arrives as {@code TabularData} with key and value
 * columns.
 */
public final class OpenData {

    private OpenData() {
    }

    /** The rows of a {@code Map<String, V>} table, in the server's order. */
    @SuppressWarnings("unchecked")
    public static <V> Map<String, V> map(Object tabular) {
        Map<String, V> map = new LinkedHashMap<>();
        for (Object row : ((TabularData) tabular).values()) {
            CompositeData data = (CompositeData) row;
            map.put((String) data.get("key"), (V) data.get("value"));
        }
        return map;
    }
}
