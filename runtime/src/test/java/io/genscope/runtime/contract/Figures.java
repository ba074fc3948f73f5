package io.genscope.runtime.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One summary as a reader sees it, keyed by the names of {@code AnalyticsSummary}'s components
 * (which are also the item names of its {@code CompositeData} over JMX). Tables keep their order.
 */
record Figures(Map<String, Object> values) {

    /** The figure called {@code name}; fails the test if the reader has no such figure. */
    Object value(String name) {
        if (!values.containsKey(name)) {
            throw new AssertionError("no figure '" + name + "' in " + values.keySet());
        }
        return values.get(name);
    }

    long count(String name) {
        return (Long) value(name);
    }

    double number(String name) {
        return (Double) value(name);
    }

    @SuppressWarnings("unchecked")
    Map<String, Long> table(String name) {
        return new LinkedHashMap<>((Map<String, Long>) value(name));
    }
}
