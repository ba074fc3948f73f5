package io.genscope.agent.reload;

import io.genscope.agent.config.ConfigOrigin;
import io.genscope.runtime.time.DurationText;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A setting as a value that compares by content and prints as the config file writes it: the
 * settings are records, but a {@link Pattern} (in {@code store.redact}, a {@code type-pattern})
 * has no {@code equals}, a {@link Duration} prints as {@code PT1M}, and a rule's
 * {@link ConfigOrigin} (its lines) changes whenever a rule above it does, without changing the
 * rule. So: a record becomes the map of its components, a pattern its text and flags, a duration
 * its config form ({@code 1m}), an origin nothing; lists and optionals are mapped through.
 */
final class SettingValues {

    private SettingValues() {
    }

    /** {@code setting} as a value that compares by content. */
    static Object of(Object setting) {
        if (setting instanceof Pattern pattern) {
            return pattern.flags() == 0 ? pattern.pattern() : pattern.pattern() + " (flags " + pattern.flags() + ")";
        }
        if (setting instanceof Duration duration) {
            return DurationText.format(duration);
        }
        if (setting instanceof List<?> list) {
            return list.stream().map(SettingValues::of).toList();
        }
        if (setting instanceof Optional<?> optional) {
            return optional.map(SettingValues::of).map(Object::toString).orElse("(none)");
        }
        if (setting instanceof Record record) {
            return components(record);
        }
        return setting;
    }

    /** The components of {@code record} by name, each as {@link #of}; a rule's origin left out. */
    static Map<String, Object> components(Record record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getType() != ConfigOrigin.class) {
                values.put(component.getName(), of(read(record, component)));
            }
        }
        return values;
    }

    /** A component's config key: {@code eventRingSize} is {@code event-ring-size}. */
    static String key(String component) {
        return component.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of a setting", e);
        }
    }
}
