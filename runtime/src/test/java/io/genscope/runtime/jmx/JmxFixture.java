package io.genscope.runtime.jmx;

import io.genscope.runtime.alerts.AlertDefinition;
import io.genscope.runtime.alerts.AlertMonitor;
import io.genscope.runtime.alerts.AlertSettings;
import io.genscope.runtime.analytics.VariantRows;
import io.genscope.runtime.analytics.compare.ComparisonSettings;
import io.genscope.runtime.analytics.compare.VariantComparator;
import io.genscope.runtime.diagnostics.ErrorJournal;
import io.genscope.runtime.store.TelemetrySettings;
import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GenscopeMBeans;

import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A {@link JmxExporter} over a {@link GeneratorLoop}, told of the models the loop's store sees,
 * registering on an MBean server of its own: the exporter of an earlier test, whose thread may
 * still be registering a model, never touches this test's MBeans.
 */
final class JmxFixture {

    final GeneratorLoop loop;
    final ErrorJournal journal;
    final JmxExporter exporter;
    final MBeanServer server = MBeanServerFactory.newMBeanServer();

    JmxFixture() {
        this(TelemetrySettings.defaults());
    }

    JmxFixture(TelemetrySettings settings) {
        loop = new GeneratorLoop(settings);
        journal = new ErrorJournal(loop.log);
        exporter = new JmxExporter(loop.analytics, loop.store, loop.rules, journal, "1.2.3", GeneratorLoop.config("/etc/genscope.yaml"),
                GeneratorLoop.NO_RELOAD, List::of);
        loop.modelListeners.add(exporter::modelChanged);
    }

    /** Has the exporter show {@code alerts} over the loop's store; call before {@link #start()}. */
    AlertMonitor alerts(AlertDefinition... alerts) {
        AlertMonitor monitor = new AlertMonitor(new AlertSettings(Duration.ofSeconds(1), List.of(alerts)),
                GeneratorLoop.standardRules(), loop.store, loop.log, journal);
        exporter.exposeAlerts(monitor);
        return monitor;
    }

    /** Has the exporter show the Variants MBeans over {@code rows}; call before {@link #start()}. */
    void variants(VariantRows rows, ComparisonSettings settings) {
        exporter.exposeVariants(rows, new VariantComparator(settings));
    }

    void start() {
        exporter.start(server);
    }

    Set<ObjectName> registered() {
        return GenscopeMBeans.registered(server);
    }
}
