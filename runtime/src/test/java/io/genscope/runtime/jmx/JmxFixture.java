package io.genscope.runtime.jmx;

import io.genscope.runtime.diagnostics.ErrorJournal;
import io.genscope.runtime.store.TelemetrySettings;
import io.genscope.runtime.testing.GeneratorLoop;

/** A {@link JmxExporter} over a {@link GeneratorLoop}, told of the models the loop's store sees. */
final class JmxFixture {

    final GeneratorLoop loop;
    final ErrorJournal journal;
    final JmxExporter exporter;

    JmxFixture() {
        this(TelemetrySettings.defaults());
    }

    JmxFixture(TelemetrySettings settings) {
        loop = new GeneratorLoop(settings);
        journal = new ErrorJournal(loop.log);
        exporter = new JmxExporter(loop.analytics, loop.store, loop.rules, journal, "1.2.3", "/etc/genscope.yaml");
        loop.modelListeners.add(exporter::modelChanged);
    }
}
