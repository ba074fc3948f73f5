package io.genscope.agent.config;

import io.genscope.agent.config.ConfigProblem.Severity;
import io.genscope.runtime.privacy.ErrorMessages;
import io.genscope.runtime.store.BreakdownCaps;
import io.genscope.runtime.store.TelemetrySettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Reads and checks the {@code store} section into {@link TelemetrySettings}. */
final class StoreSettingsReader {

    private static final long MAX_SLICES = 100_000;
    private static final ValueReader<Duration> DURATION = Values.duration(Duration.ZERO);
    private static final ValueReader<Duration> RESOLUTION = Values.duration(Duration.ofMillis(100));
    private static final ValueReader<Integer> CAP = Values.wholeNumber(1, 100_000);
    private static final ValueReader<Pattern> REGEX = Values.regex();
    private static final ValueReader<ErrorMessages> ERROR_MESSAGES =
            new Values.OneOf<>("an error-messages setting", Arrays.asList(ErrorMessages.values())) {
                @Override
                String spelling(ErrorMessages setting) {
                    return setting.configName();
                }
            };

    private StoreSettingsReader() {
    }

    static TelemetrySettings read(SettingsSection store) {
        store.checkKeys();
        Slicing slicing = slicing(store);
        return new TelemetrySettings(
                store.value("event-ring-size", Values.wholeNumber(0, 1_000_000)),
                slicing.window(),
                slicing.resolution(),
                slicing.retention(),
                windows(store, slicing),
                store.value("max-error-types", CAP),
                store.value("max-dependencies", CAP),
                store.value("max-models", CAP),
                store.value("max-failure-types", CAP),
                store.value("error-messages", ERROR_MESSAGES),
                store.value("error-message-length", Values.wholeNumber(0, 10_000)),
                redact(store),
                store.value("max-elements", CAP),
                store.value("event-elements", Values.wholeNumber(0, 1_000)),
                store.value("max-memory", Values.size(1L << 20, 64L << 30)),
                new BreakdownCaps(store.value("max-variants", CAP), store.value("max-projects", CAP),
                        store.value("max-users", CAP), store.value("max-prompt-categories", CAP)),
                UserIdsReader.read(store));
    }

    /**
     * Window, resolution and retention, each valid on its own and, together, cut into whole time
     * slices. They depend on each other, so when they do not fit all three take their defaults.
     */
    private static Slicing slicing(SettingsSection store) {
        Slicing given = new Slicing(
                store.value("window", DURATION), store.value("resolution", RESOLUTION), store.value("retention", DURATION));
        List<Misfit> misfits = given.misfits();
        if (misfits.isEmpty()) {
            return given;
        }
        Slicing defaults = new Slicing(store.defaultValue("window", DURATION),
                store.defaultValue("resolution", RESOLUTION), store.defaultValue("retention", DURATION));
        String blamed = misfits.get(0).keys().stream()
                .filter(key -> store.given(key) != null)
                .findFirst()
                .orElse(misfits.get(0).keys().get(0));
        YamlNode node = store.given(blamed);
        store.problems().add(Severity.SETTING, node == null ? 0 : node.line(), store.field(blamed),
                String.join("; ", misfits.stream().map(Misfit::what).toList()),
                "using the defaults window " + Durations.format(defaults.window()) + ", resolution "
                        + Durations.format(defaults.resolution()) + ", retention " + Durations.format(defaults.retention()));
        return defaults;
    }

    /**
     * The further windows; one that is no duration, does not fit the slicing, repeats another or
     * comes past the {@value TelemetrySettings#MAX_WINDOWS}th is skipped on its own, so the
     * others are still shown.
     */
    private static List<Duration> windows(SettingsSection store, Slicing slicing) {
        if (!(store.given("windows") instanceof YamlNode.Sequence listed)) {
            return store.value("windows", Values.listOf(DURATION, "durations"));
        }
        Complaint skipped = store.problems().complaint(Severity.SETTING, "window skipped");
        List<Duration> windows = new ArrayList<>();
        for (int i = 0; i < listed.items().size(); i++) {
            YamlNode item = listed.items().get(i);
            String field = YamlNode.itemPath(store.field("windows"), i);
            Duration window = DURATION.readOr(item, field, skipped);
            String misfit = window == null ? null
                    : windows.size() == TelemetrySettings.MAX_WINDOWS ? "more than " + TelemetrySettings.MAX_WINDOWS + " windows"
                    : windows.contains(window) ? Slicing.text(window) + " is listed twice"
                    : slicing.misfit(window);
            if (misfit != null) {
                skipped.at(item.line(), field, misfit);
            } else if (window != null) {
                windows.add(window);
            }
        }
        return windows;
    }

    /** Redaction patterns; a bad one is skipped on its own, so the others still redact. */
    private static List<Pattern> redact(SettingsSection store) {
        if (!(store.given("redact") instanceof YamlNode.Sequence patterns)) {
            return store.value("redact", Values.listOf(REGEX, "Java regular expressions"));
        }
        Complaint skipped = store.problems().complaint(Severity.SETTING, "pattern skipped");
        List<Pattern> compiled = new ArrayList<>();
        for (int i = 0; i < patterns.items().size(); i++) {
            Pattern pattern = REGEX.readOr(patterns.items().get(i), YamlNode.itemPath(store.field("redact"), i), skipped);
            if (pattern != null) {
                compiled.add(pattern);
            }
        }
        return compiled;
    }

    /**
     * One way window, resolution and retention do not fit together.
     *
     * @param keys the keys involved, the likeliest culprit first
     */
    private record Misfit(String what, List<String> keys) {
    }

    private record Slicing(Duration window, Duration resolution, Duration retention) {

        List<Misfit> misfits() {
            List<Misfit> misfits = new ArrayList<>();
            if (!Durations.isMultiple(window, resolution)) {
                misfits.add(new Misfit(notMultiple("window", window), List.of("window", "resolution")));
            }
            if (!Durations.isMultiple(retention, resolution)) {
                misfits.add(new Misfit(notMultiple("retention", retention), List.of("retention", "resolution")));
            }
            if (retention.compareTo(window) < 0) {
                misfits.add(new Misfit("retention " + text(retention) + " is shorter than window " + text(window),
                        List.of("retention", "window")));
            }
            long slices = retention.dividedBy(resolution);
            if (slices > MAX_SLICES) {
                misfits.add(new Misfit("retention " + text(retention) + " is " + slices + " slices of resolution "
                        + text(resolution) + ", more than the " + MAX_SLICES + " kept", List.of("retention", "resolution")));
            }
            return misfits;
        }

        /** What keeps {@code window} from being shown over these slices, or {@code null} if nothing does. */
        String misfit(Duration window) {
            if (!Durations.isMultiple(window, resolution)) {
                return notMultiple("window", window);
            }
            return window.compareTo(retention) > 0
                    ? "window " + text(window) + " is longer than retention " + text(retention) : null;
        }

        private String notMultiple(String key, Duration duration) {
            return key + " " + text(duration) + " is not a whole multiple of resolution " + text(resolution);
        }

        private static String text(Duration duration) {
            return Durations.format(duration);
        }
    }
}
