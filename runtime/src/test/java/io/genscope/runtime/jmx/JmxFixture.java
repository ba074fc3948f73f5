package io.genscope.runtime.jmx;

import io.genscope.runtime.diagnostics.ErrorJournal;
import io.genscope.runtime.testing.GeneratorLoop;

/** A {@link JmxExporter} over a {@link GeneratorLoop}, told of the models the loop's store sees. */
final class JmxFixture {

    final GeneratorLoop loop = new GeneratorLoop();
    final ErrorJournal journal = new ErrorJournal(loop.log);
    final JmxExporter exporter = new JmxExporter(loop.analytics, loop.store, loop.rules, journal, "1.2.3",
            "/etc/genscope.yaml");

    JmxFixture() {
        loop.modelListeners.add(exporter::modelChanged);
    }
}
