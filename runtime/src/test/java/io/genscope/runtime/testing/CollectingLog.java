package io.genscope.runtime.testing;

import io.genscope.runtime.RuntimeLog;

import java.util.ArrayList;
import java.util.List;

/** A {@link RuntimeLog} that keeps every line, for asserting what the runtime reported. Thread-safe. */
public final class CollectingLog implements RuntimeLog {

    private final List<String> warnings = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> infos = new ArrayList<>();

    @Override
    public synchronized void warn(String message) {
        warnings.add(message);
    }

    @Override
    public synchronized void error(String message) {
        errors.add(message);
    }

    @Override
    public synchronized void info(String message) {
        infos.add(message);
    }

    public synchronized List<String> infos() {
        return List.copyOf(infos);
    }

    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }
}
