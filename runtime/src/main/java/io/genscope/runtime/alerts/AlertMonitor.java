package io.genscope.runtime.alerts;

import io.genscope.runtime.GenscopeThreads;
import io.genscope.runtime.Role;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.rule.RuleDefinition;
import io.genscope.runtime.store.Dimension;
import io.genscope.runtime.store.TallyTotals;
import io.genscope.runtime.store.TelemetryStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Evaluates the configured alerts against the store's windowed totals, every
 * {@code alerts.evaluation-period}, on a daemon thread of its own, {@value #THREAD_NAME}, started
 * only when at least one alert is configured. An alert that fires is one WARN line and one call of
 * each {@link AlertListener} (the Alerts MBean's notification); one that recovers, one INFO line
 * and one call. Nothing is logged per evaluation.
 *
 * <p>Bounded: an alert has one state per generation rule and one overall at most (see
 * {@link AlertScope}), so there are at most three conditions times the rules plus one, fixed at
 * start. An evaluation sums each window and dimension it needs once, through the store's query,
 * which recording threads never wait for.
 *
 * <p>Thread-safe: {@link #evaluate} is serialised (the thread calls it; tests call it with the
 * store's manual clock instead); the statuses may be read by any thread.
 */
public final class AlertMonitor {

    public static final String THREAD_NAME = "genscope-alerts";

    private final AlertSettings settings;
    private final TelemetryStore store;
    private final RuntimeLog log;
    private final RuntimeLog problems;
    private final List<Alert> alerts;
    private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong evaluations = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    /**
     * @param rules    the config's rules: a per-generator alert watches each generation rule
     * @param log      where the fired and recovered lines go
     * @param problems where a failure of the evaluation itself is reported (once)
     */
    public AlertMonitor(AlertSettings settings, List<RuleDefinition> rules, TelemetryStore store, RuntimeLog log,
                        RuntimeLog problems) {
        this.settings = settings;
        this.store = store;
        this.log = log;
        this.problems = problems;
        this.alerts = alerts(settings, rules, store.clock().wallMillis());
    }

    private static List<Alert> alerts(AlertSettings settings, List<RuleDefinition> rules, long startMillis) {
        List<Alert> alerts = new ArrayList<>();
        for (AlertDefinition definition : settings.alerts()) {
            if (definition.scope().perGenerator()) {
                for (int i = 0; i < rules.size(); i++) {
                    if (rules.get(i).role() == Role.GENERATION) {
                        alerts.add(new Alert(definition, rules.get(i).name(), Dimension.rule(i), startMillis));
                    }
                }
            }
            if (definition.scope().overall()) {
                alerts.add(new Alert(definition, null, Dimension.all(), startMillis));
            }
        }
        return List.copyOf(alerts);
    }

    /** Whether any alert is configured: otherwise there is nothing to evaluate, show or start. */
    public boolean any() {
        return !alerts.isEmpty();
    }

    public Duration evaluationPeriod() {
        return settings.evaluationPeriod();
    }

    /** Evaluations so far. */
    public long evaluations() {
        return evaluations.get();
    }

    /** Every alert as of its latest evaluation, in config order (per generator in rule order, then overall). */
    public List<AlertStatus> statuses() {
        return alerts.stream().map(Alert::status).toList();
    }

    /** Tells {@code listener} of every change from now on. */
    public void listen(AlertListener listener) {
        listeners.add(listener);
    }

    /**
     * Starts the {@value #THREAD_NAME} thread, which evaluates every alert once per evaluation
     * period, the first time one period from now. Does nothing when no alert is configured, and
     * the second time.
     */
    public void start() {
        if (any() && !started.getAndSet(true)) {
            GenscopeThreads.newDaemon(THREAD_NAME, this::run).start();
        }
    }

    /** Evaluates every alert once, now (the store's clock): the thread's task. */
    public synchronized void evaluate() {
        long now = store.clock().wallMillis();
        Map<Query, TallyTotals> totals = new HashMap<>();
        for (Alert alert : alerts) {
            Query query = new Query(alert.definition().window(), alert.dimension());
            TallyTotals window = totals.computeIfAbsent(query, q -> store.totals(q.window(), q.dimension()));
            AlertChange change = alert.evaluate(alert.definition().condition().read(window), now);
            if (change != null) {
                announce(change);
            }
        }
        evaluations.incrementAndGet();
    }

    /** What one store query sums; alerts that share it share its totals. */
    private record Query(Duration window, Dimension dimension) {
    }

    private void announce(AlertChange change) {
        if (change.fired()) {
            log.warn(change.message());
        } else {
            log.info(change.message());
        }
        for (AlertListener listener : listeners) {
            try {
                listener.changed(change);
            } catch (RuntimeException | LinkageError e) {
                reportOnce("could not tell of alert " + change.status().alert() + "'s change", e);
            }
        }
    }

    private void reportOnce(String what, Throwable failure) {
        if (!failureLogged.getAndSet(true)) {
            problems.error(what + ": " + failure.getClass().getName()
                    + "; later failures of the alerts are not logged");
        }
    }

    private void run() {
        long periodMillis = settings.evaluationPeriod().toMillis();
        while (true) {
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException interrupted) {
                return;
            }
            try {
                evaluate();
            } catch (RuntimeException | LinkageError e) {
                reportOnce("could not evaluate the alerts (they keep their last state until an evaluation succeeds)", e);
            }
        }
    }
}
