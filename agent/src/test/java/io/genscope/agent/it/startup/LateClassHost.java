package io.genscope.agent.it.startup;

import fixture.weaving.Spec;
import fixture.weaving.SpecGenerator;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * A host whose generator class loads late, after {@code main} has run a while, or never: it
 * prints {@code host started}, then, given a number of calls above 0, {@code host loading the
 * generator}, loads {@link SpecGenerator} and calls {@code generate} that many times, and prints
 * Genscope's generation count read over JMX. With 0 calls it loads neither the generator nor JMX,
 * so nothing it does gives Genscope a class to weave.
 *
 * <p>Usage: {@code LateClassHost <calls>}
 */
public final class LateClassHost {

    private LateClassHost() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("host started");
        int calls = Integer.parseInt(args[0]);
        if (calls == 0) {
            System.out.println("host done");
            return;
        }
        System.out.println("host loading the generator");
        SpecGenerator generator = new SpecGenerator();
        int length = 0;
        for (int i = 0; i < calls; i++) {
            length += generator.generate(new Spec("model", "fn" + i)).length();
        }
        System.out.println("host calls=" + calls + " length=" + length);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        System.out.println("genscope generations="
                + server.getAttribute(new ObjectName("io.genscope:type=Telemetry"), "Generations"));
        System.out.println("host done");
    }
}
