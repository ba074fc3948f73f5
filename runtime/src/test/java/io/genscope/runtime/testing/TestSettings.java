package io.genscope.runtime.testing;

import io.genscope.runtime.privacy.ErrorMessages;
import io.genscope.runtime.privacy.UserIds;
import io.genscope.runtime.store.BreakdownCaps;
import io.genscope.runtime.store.TelemetrySettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds {@link TelemetrySettings} from the bundled defaults, changing only what a test is about.
 *
 * <pre>{@code
 * TelemetrySettings settings = TestSettings.defaults().resolution(Duration.ofSeconds(10)).build();
 * }</pre>
 */
public final class TestSettings {

    private int eventRingSize;
    private Duration window;
    private Duration resolution;
    private Duration retention;
    private List<Duration> windows;
    private int maxErrorTypes;
    private int maxDependencies;
    private int maxModels;
    private int maxFailureTypes;
    private ErrorMessages errorMessages;
    private int errorMessageLength;
    private final List<Pattern> redact = new ArrayList<>();
    private int maxElements;
    private int eventElements;
    private long maxMemory;
    private BreakdownCaps breakdowns;
    private final UserIds userIds;

    private TestSettings(TelemetrySettings base) {
        eventRingSize = base.eventRingSize();
        window = base.window();
        resolution = base.resolution();
        retention = base.retention();
        windows = base.windows();
        maxErrorTypes = base.maxErrorTypes();
        maxDependencies = base.maxDependencies();
        maxModels = base.maxModels();
        maxFailureTypes = base.maxFailureTypes();
        errorMessages = base.errorMessages();
        errorMessageLength = base.errorMessageLength();
        redact.addAll(base.redact());
        maxElements = base.maxElements();
        eventElements = base.eventElements();
        maxMemory = base.maxMemory();
        breakdowns = base.breakdowns();
        userIds = base.userIds();
    }

    public static TestSettings defaults() {
        return new TestSettings(TelemetrySettings.defaults());
    }

    /** Slices of {@code resolution}, a default window of {@code window} and {@code retention} kept. */
    public static TestSettings slices(Duration resolution, Duration window, Duration retention) {
        return defaults().resolution(resolution).window(window).retention(retention);
    }

    public TestSettings eventRingSize(int value) {
        eventRingSize = value;
        return this;
    }

    public TestSettings window(Duration value) {
        window = value;
        return this;
    }

    public TestSettings resolution(Duration value) {
        resolution = value;
        return this;
    }

    public TestSettings retention(Duration value) {
        retention = value;
        return this;
    }

    public TestSettings maxErrorTypes(int value) {
        maxErrorTypes = value;
        return this;
    }

    public TestSettings maxDependencies(int value) {
        maxDependencies = value;
        return this;
    }

    public TestSettings maxModels(int value) {
        maxModels = value;
        return this;
    }

    public TestSettings maxFailureTypes(int value) {
        maxFailureTypes = value;
        return this;
    }

    public TestSettings windows(Duration... values) {
        windows = List.of(values);
        return this;
    }

    public TestSettings errorMessages(ErrorMessages value) {
        errorMessages = value;
        return this;
    }

    public TestSettings errorMessageLength(int value) {
        errorMessageLength = value;
        return this;
    }

    public TestSettings redact(String regex) {
        redact.add(Pattern.compile(regex));
        return this;
    }

    public TestSettings maxElements(int value) {
        maxElements = value;
        return this;
    }

    public TestSettings eventElements(int value) {
        eventElements = value;
        return this;
    }

    public TestSettings breakdowns(BreakdownCaps value) {
        breakdowns = value;
        return this;
    }

    public TelemetrySettings build() {
        return new TelemetrySettings(eventRingSize, window, resolution, retention, windows, maxErrorTypes, maxDependencies,
                maxModels, maxFailureTypes, errorMessages, errorMessageLength, redact, maxElements, eventElements,
                maxMemory, breakdowns, userIds);
    }
}
